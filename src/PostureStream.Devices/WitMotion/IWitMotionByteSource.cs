namespace PostureStream.Devices.WitMotion;

/// <summary>
/// Where a WitMotion sensor's bytes come from: a live link that reconnects by itself (<see cref="WitMotionLinkSource"/>)
/// or a timed capture (<see cref="WitMotionCaptureSource"/>). Every read carries its arrival time, since these
/// sensors have no sample counter of their own.
/// </summary>
public interface IWitMotionByteSource : IAsyncDisposable
{
    WitMotionFraming Framing { get; }

    /// <summary>The link_stats transport tag.</summary>
    Transport Transport { get; }

    /// <summary>What to show the user, e.g. witmotion-serial:/dev/ttyUSB0.</summary>
    string Description { get; }

    /// <summary>The first connection; throws <see cref="Links.SourceOpenException"/> with a message for the user when it cannot.</summary>
    Task OpenAsync(CancellationToken cancellationToken);

    /// <summary>Reads, losses and restorations in order, until the source ends (a capture) or is cancelled.</summary>
    IAsyncEnumerable<WitMotionChunk> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Sends register commands; throws <see cref="Links.LinkLostException"/> while the link is down.</summary>
    ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken);
}
