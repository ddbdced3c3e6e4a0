using System.Threading.Channels;
using PostureStream.Devices.Links;

namespace PostureStream.Cli.Run;

/// <summary>
/// A link over the in-process simulator, which pushes its bytes: at most <c>maxChunks</c> chunks wait
/// to be read, and the pushing thread waits beyond that. So when the reader is slowed (a store that is
/// behind), the simulator is slowed too and memory stays bounded. Commands to the device are handed
/// to it from a task of their own: the simulator may hold its lock while it waits to push, and the
/// reader must never wait for that lock.
/// </summary>
internal sealed class BoundedPushLink : IDeviceLink
{
    private readonly Channel<ReadOnlyMemory<byte>> _received = Channel.CreateUnbounded<ReadOnlyMemory<byte>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<byte[]> _commands = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _room;
    private readonly CancellationTokenSource _closed = new();
    private readonly Action<byte[]> _send;
    private readonly Action _close;
    private readonly IDisposable _subscription;
    private readonly Task _sender;
    private ReadOnlyMemory<byte> _pending;

    public BoundedPushLink(IObservable<ReadOnlyMemory<byte>> bytes, Action<byte[]> send, Action close, int maxChunks = 64)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        _send = send;
        _close = close;
        _room = new SemaphoreSlim(maxChunks, maxChunks);
        _sender = Task.Run(SendCommandsAsync);
        _subscription = bytes.Subscribe(
            Push,
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

            if (_received.Reader.TryRead(out _pending))
            {
                _room.Release();
            }
        }

        int count = Math.Min(buffer.Length, _pending.Length);
        _pending[..count].CopyTo(buffer);
        _pending = _pending[count..];
        return count;
    }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        _commands.Writer.TryWrite(bytes.ToArray());
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _closed.CancelAsync();
        _subscription.Dispose();
        _received.Writer.TryComplete();
        _commands.Writer.TryComplete();
        await _sender;
        _close();
        _closed.Dispose();
        _room.Dispose();
    }

    private void Push(ReadOnlyMemory<byte> chunk)
    {
        try
        {
            _room.Wait(_closed.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            return; // closing: nobody reads any more
        }

        _received.Writer.TryWrite(chunk.ToArray());
    }

    private async Task SendCommandsAsync()
    {
        await foreach (byte[] command in _commands.Reader.ReadAllAsync())
        {
            _send(command);
        }
    }
}
