using System.Threading.Channels;
using PostureStream.Devices.Links;

namespace PostureStream.Devices.Ble;

/// <summary>
/// A BLE device as a session source: each connect opens a <see cref="BleLink"/> and hands its
/// notifications on as a byte stream; a disconnect ends that link with <see cref="LinkLostException"/>,
/// so the session marks the gap, resets its decoder and reconnects with its own backoff.
/// </summary>
public sealed class BleLinkConnector : ILinkConnector
{
    private readonly BleLinkOptions _options;
    private readonly Func<BleLinkOptions, IBleByteLink> _open;

    public BleLinkConnector(BleLinkOptions options, Func<BleLinkOptions, IBleByteLink>? open = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _open = open ?? (o => new BleLink(o));
    }

    public string Transport => "ble";

    public string Description => "ble:" + _options.Address;

    public bool AcceptsCommands => true;

    public bool Reconnects => true;

    public async Task<IDeviceLink> ConnectAsync(CancellationToken cancellationToken)
    {
        IBleByteLink link = _open(_options);
        var adapter = new BleDeviceLink(link);
        try
        {
            await link.StartAsync(cancellationToken);
        }
        catch (BleException e)
        {
            await adapter.DisposeAsync();
            throw new SourceOpenException(e.Message, e);
        }
        catch
        {
            await adapter.DisposeAsync();
            throw;
        }

        return adapter;
    }

    /// <summary>Notifications in, commands out, until the device disconnects.</summary>
    private sealed class BleDeviceLink : IDeviceLink
    {
        private readonly IBleByteLink _link;
        private readonly Channel<ReadOnlyMemory<byte>> _received = Channel.CreateUnbounded<ReadOnlyMemory<byte>>(new UnboundedChannelOptions { SingleReader = true });
        private readonly IDisposable _data;
        private readonly IDisposable _status;
        private ReadOnlyMemory<byte> _pending;

        public BleDeviceLink(IBleByteLink link)
        {
            _link = link;

            // Notifications arrive on the D-Bus reader thread: copy and queue, never block it.
            _data = link.Received.Subscribe(chunk => _received.Writer.TryWrite(chunk.ToArray()));
            _status = link.Status.Subscribe(status =>
            {
                if (status.State is BleLinkState.Disconnected or BleLinkState.Closed)
                {
                    _received.Writer.TryComplete(new LinkLostException($"BLE device disconnected: {status.Detail ?? status.State.ToString()}"));
                }
            });
        }

        public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        {
            while (_pending.IsEmpty)
            {
                try
                {
                    _pending = await _received.Reader.ReadAsync(cancellationToken);
                }
                catch (ChannelClosedException e)
                {
                    throw e.InnerException as LinkLostException ?? new LinkLostException("BLE link closed", e);
                }
            }

            int count = Math.Min(buffer.Length, _pending.Length);
            _pending[..count].CopyTo(buffer);
            _pending = _pending[count..];
            return count;
        }

        public async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
        {
            try
            {
                await _link.WriteAsync(bytes, cancellationToken);
            }
            catch (BleException e)
            {
                throw new LinkLostException(e.Message, e);
            }
        }

        public async ValueTask DisposeAsync()
        {
            _data.Dispose();
            _status.Dispose();
            _received.Writer.TryComplete();
            await _link.DisposeAsync();
        }
    }
}
