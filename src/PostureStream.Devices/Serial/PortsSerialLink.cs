using System.IO.Ports;
using PostureStream.Devices.Links;

namespace PostureStream.Devices.Serial;

/// <summary>
/// A link over <see cref="SerialPort.BaseStream"/>. System.IO.Ports reports an unplugged port badly: as an
/// ObjectDisposedException, an InvalidOperationException or a read that never completes. So any failure of a
/// read or write is a lost link, and while a read waits a watchdog checks every <see cref="PresenceInterval"/>
/// that the port still exists and is open; when it is gone the read ends with <see cref="LinkLostException"/>.
/// </summary>
internal sealed class PortsSerialLink : IDeviceLink
{
    internal static readonly TimeSpan PresenceInterval = TimeSpan.FromMilliseconds(250);

    private readonly SerialPort _port;
    private readonly Stream _stream;
    private readonly string _description;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private int _disposed;

    public PortsSerialLink(SerialPort port, string description)
    {
        _port = port;
        _stream = port.BaseStream;
        _description = description;
    }

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        try
        {
            Task<int> read = _stream.ReadAsync(buffer, cancellationToken).AsTask();
            // The watchdog runs only while a read really waits: a streaming port never starts its timer. A read left
            // pending by a lost link or a stop ends when the session disposes the link (and the port with it).
            while (!read.IsCompleted)
            {
                await Task.WhenAny(read, Task.Delay(PresenceInterval, CancellationToken.None));
                cancellationToken.ThrowIfCancellationRequested();
                if (!read.IsCompleted && (!_port.IsOpen || !PortsSerialOpener.PortExists(_description)))
                {
                    throw new LinkLostException($"{_description}: the port is gone (unplugged?)");
                }
            }

            int count = await read;
            return count > 0 ? count : throw new LinkLostException($"{_description}: the port was closed");
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or UnauthorizedAccessException or TimeoutException && e is not LinkLostException)
        {
            throw new LinkLostException($"{_description}: link lost: {e.Message}", e);
        }
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await _stream.WriteAsync(bytes, cancellationToken);
            await _stream.FlushAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or UnauthorizedAccessException or TimeoutException)
        {
            throw new LinkLostException($"{_description}: link lost: {e.Message}", e);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            try
            {
                _port.Dispose();
            }
            catch (IOException)
            {
                // Closing a port that was unplugged may fail; it is closed either way.
            }

            _writeLock.Dispose();
        }

        return ValueTask.CompletedTask;
    }
}
