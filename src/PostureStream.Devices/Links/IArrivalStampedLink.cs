namespace PostureStream.Devices.Links;

/// <summary>
/// A link that knows when the bytes it hands out arrived: it stamps them where it takes them from the device (its
/// reader thread), before they wait in any queue of its own. A caller that needs arrival times (sensors without a
/// clock) reads them here instead of reading its clock after <see cref="IDeviceLink.ReadAsync"/>, which would add
/// however long the bytes waited for it — on a busy machine, easily tens of milliseconds.
/// </summary>
public interface IArrivalStampedLink : IDeviceLink
{
    /// <summary>As <see cref="IDeviceLink.ReadAsync"/>, with the time the returned bytes arrived.</summary>
    ValueTask<StampedRead> ReadStampedAsync(Memory<byte> buffer, CancellationToken cancellationToken);
}

/// <summary>How many bytes a read returned (0 at the end of a finite source) and when they arrived (UTC).</summary>
public readonly record struct StampedRead(int Count, DateTimeOffset Arrival);
