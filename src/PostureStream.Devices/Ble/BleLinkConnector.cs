using System.Reactive.Linq;
using PostureStream.Devices.Links;

namespace PostureStream.Devices.Ble;

/// <summary>
/// A BLE device as a session source: each connect opens a new <see cref="BleLink"/> (one connection) and
/// hands its notifications on as a byte stream; a disconnect ends that link with <see cref="LinkLostException"/>,
/// so the session marks the gap, resets its decoder and reconnects with the backoff it uses for every transport.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
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

    public Transport Transport => Transport.Ble;

    public string Description => "ble:" + _options.Address;

    public bool AcceptsCommands => true;

    public bool Reconnects => true;

    public async Task<IDeviceLink> ConnectAsync(CancellationToken cancellationToken)
    {
        IBleByteLink link = _open(_options);
        ObservableByteLink adapter = Adapt(link);
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

    /// <summary>Notifications in, commands out; a disconnect ends the link as lost.</summary>
    private static ObservableByteLink Adapt(IBleByteLink link)
    {
        IObservable<ReadOnlyMemory<byte>> lost = link.Status
            .Where(status => status.State is BleLinkState.Disconnected or BleLinkState.Closed)
            .Take(1)
            .SelectMany(status => Observable.Throw<ReadOnlyMemory<byte>>(
                new LinkLostException($"BLE device disconnected: {status.Detail ?? status.State.ToString()}")));
        return new ObservableByteLink(
            link.Received.Merge(lost),
            async (bytes, cancel) =>
            {
                try
                {
                    await link.WriteAsync(bytes, cancel);
                }
                catch (BleException e)
                {
                    throw new LinkLostException(e.Message, e);
                }
            },
            link.DisposeAsync);
    }
}
