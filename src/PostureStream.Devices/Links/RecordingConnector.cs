namespace PostureStream.Devices.Links;

/// <summary>
/// Saves exactly the bytes a live link receives, across reconnects, into one capture file that
/// <c>file:</c> replays and <c>decode</c> reads: for bug reports and for re-running a session. Each chunk is
/// flushed as it arrives, so a crash loses nothing that was received.
/// </summary>
public sealed class RecordingConnector : ILinkConnector, IAsyncDisposable
{
    private readonly ILinkConnector _inner;
    private readonly Stream _sink;
    private readonly Lock _gate = new();

    public RecordingConnector(ILinkConnector inner, Stream sink)
    {
        _inner = inner;
        _sink = sink;
    }

    /// <summary>Records into a new file at <paramref name="path"/> (appending when it exists).</summary>
    public static RecordingConnector ToFile(ILinkConnector inner, string path)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SourceOpenException(SourceOpenFailure.Other, $"cannot write the recording '{path}': {e.Message}");
        }

        return new RecordingConnector(inner, file);
    }

    public Transport Transport => _inner.Transport;

    public string Description => _inner.Description;

    public bool AcceptsCommands => _inner.AcceptsCommands;

    public bool Reconnects => _inner.Reconnects;

    public async Task<IDeviceLink> ConnectAsync(CancellationToken cancellationToken) =>
        new RecordingLink(await _inner.ConnectAsync(cancellationToken), this);

    public ValueTask DisposeAsync() => _sink.DisposeAsync();

    private void Save(ReadOnlySpan<byte> bytes)
    {
        lock (_gate)
        {
            _sink.Write(bytes);
            _sink.Flush();
        }
    }

    private sealed class RecordingLink(IDeviceLink inner, RecordingConnector recorder) : IDeviceLink
    {
        public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        {
            int read = await inner.ReadAsync(buffer, cancellationToken);
            recorder.Save(buffer.Span[..read]);
            return read;
        }

        public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) => inner.WriteAsync(bytes, cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
