namespace PostureStream.Devices.Links;

/// <summary>
/// One open connection to a device: raw PSP bytes in, commands out. A link that breaks (unplug, hang-up,
/// TCP reset) throws <see cref="LinkLostException"/> from <see cref="ReadAsync"/> or <see cref="WriteAsync"/>;
/// a source that simply ends (a capture file) returns 0 from <see cref="ReadAsync"/>.
/// </summary>
public interface IDeviceLink : IAsyncDisposable
{
    /// <summary>Reads at least one byte into <paramref name="buffer"/>; 0 at the end of a finite source.</summary>
    ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken);

    /// <summary>Writes all of <paramref name="bytes"/> (a whole frame) to the device.</summary>
    ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken);
}
