using System.Runtime.CompilerServices;
using PostureStream.Devices.Links;

namespace PostureStream.Devices.WitMotion;

/// <summary>
/// <c>record=FILE</c> for a WitMotion source: passes everything on and appends each read, loss and restoration with
/// its arrival time to a timed capture (<see cref="WitMotionCapture"/>), flushed per record so a crash loses
/// nothing received. A new file gets the header; an existing timed capture of the same framing is appended to.
/// </summary>
public sealed class WitMotionRecordingSource : IWitMotionByteSource
{
    private readonly IWitMotionByteSource _inner;
    private readonly string _path;
    private FileStream? _sink;

    public WitMotionRecordingSource(IWitMotionByteSource inner, string path)
    {
        _inner = inner;
        _path = path;
    }

    public WitMotionFraming Framing => _inner.Framing;

    public Transport Transport => _inner.Transport;

    public string Description => _inner.Description;

    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        await _inner.OpenAsync(cancellationToken);
        try
        {
            bool exists = File.Exists(_path) && new FileInfo(_path).Length > 0;
            if (exists)
            {
                using FileStream existing = File.OpenRead(_path);
                if (WitMotionCapture.ReadHeader(existing, _path) != Framing)
                {
                    throw new InvalidDataException($"'{_path}' holds a capture of another framing");
                }
            }

            _sink = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read);
            if (!exists)
            {
                WitMotionCapture.WriteHeader(_sink, Framing);
                _sink.Flush();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new SourceOpenException(SourceOpenFailure.Other, $"cannot write the recording '{_path}': {e.Message}");
        }
    }

    public async IAsyncEnumerable<WitMotionChunk> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        FileStream sink = _sink ?? throw new InvalidOperationException("open the source first");
        await foreach (WitMotionChunk chunk in _inner.ReadAsync(cancellationToken))
        {
            WitMotionCapture.WriteRecord(sink, chunk);
            sink.Flush();
            yield return chunk;
        }
    }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) => _inner.WriteAsync(bytes, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _inner.DisposeAsync();
        if (_sink is not null)
        {
            await _sink.DisposeAsync();
        }
    }
}
