namespace PostureStream.Devices.Links;

/// <summary>A read-only stream (a regular capture file) as a byte source: 0 at its end, no commands.</summary>
internal sealed class StreamReadLink(Stream stream) : IDeviceLink
{
    public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken) => stream.ReadAsync(buffer, cancellationToken);

    public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        throw new NotSupportedException("a capture file takes no commands");

    public ValueTask DisposeAsync() => stream.DisposeAsync();
}
