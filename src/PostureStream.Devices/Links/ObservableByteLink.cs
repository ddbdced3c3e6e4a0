using System.Threading.Channels;

namespace PostureStream.Devices.Links;

/// <summary>
/// A link over a source that pushes its bytes (BLE notifications, the in-process simulator): chunks are
/// copied into a queue and read back in order. The source completing ends the link (ReadAsync returns 0);
/// the source failing ends it with <see cref="LinkLostException"/>.
/// </summary>
public sealed class ObservableByteLink : IDeviceLink
{
    private readonly Channel<ReadOnlyMemory<byte>> _received = Channel.CreateUnbounded<ReadOnlyMemory<byte>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> _write;
    private readonly Func<ValueTask> _close;
    private readonly IDisposable _subscription;
    private ReadOnlyMemory<byte> _pending;

    public ObservableByteLink(IObservable<ReadOnlyMemory<byte>> bytes, Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> write, Func<ValueTask> close)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        _write = write;
        _close = close;

        // Pushes may come from a reader thread that must not block: copy and queue.
        _subscription = bytes.Subscribe(
            chunk => _received.Writer.TryWrite(chunk.ToArray()),
            error => _received.Writer.TryComplete(error as LinkLostException ?? new LinkLostException(error.Message, error)),
            () => _received.Writer.TryComplete());
    }

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        while (_pending.IsEmpty)
        {
            if (!await _received.Reader.WaitToReadAsync(cancellationToken))
            {
                return 0;
            }

            _received.Reader.TryRead(out _pending);
        }

        int count = Math.Min(buffer.Length, _pending.Length);
        _pending[..count].CopyTo(buffer);
        _pending = _pending[count..];
        return count;
    }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) => _write(bytes, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _subscription.Dispose();
        _received.Writer.TryComplete();
        await _close();
    }
}
