using System.Reactive.Subjects;
using Tmds.DBus.Protocol;

namespace PostureStream.Devices.Ble;

/// <summary>
/// ONE connection to a PSP sensor over the Nordic UART Service through BlueZ. When the device goes away
/// the link reports <see cref="BleLinkState.Disconnected"/> and carries no more bytes: reconnecting is the
/// device session's job, with the one backoff every transport shares (BLE README, what the link does).
/// Subscribe to <see cref="Received"/> before <see cref="StartAsync"/>.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class BleLink : IBleByteLink
{
    private readonly BleLinkOptions _options;
    private readonly Subject<ReadOnlyMemory<byte>> _received = new();
    private readonly Subject<BleLinkStatus> _status = new();
    private readonly CancellationTokenSource _stop = new();
    private BlueZClient? _bluez;
    private volatile NusSession? _session;
    private Task _watch = Task.CompletedTask;
    private int _started;

    public BleLink(BleLinkOptions options)
    {
        options.Validate();
        _options = options;
    }

    public IObservable<ReadOnlyMemory<byte>> Received => _received;

    public IObservable<BleLinkStatus> Status => _status;

    /// <summary>True while notifications come by PropertiesChanged (AcquireNotify was refused).</summary>
    public bool NotifiesByProperties => _session?.NotifiesByProperties ?? false;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("the BLE link is already started");
        }

        _status.OnNext(new BleLinkStatus(BleLinkState.Connecting, _options.Address));
        NusSession session;
        try
        {
            _bluez = await BlueZClient.ConnectAsync(_options.BusAddress, _options.TimeProvider, cancellationToken);
            session = await NusSession.OpenAsync(_bluez, _options, bytes => _received.OnNext(bytes), cancellationToken);
        }
        catch (Exception e) when (BleException.FromFailure(e) is { } failure)
        {
            throw failure;
        }

        _session = session;
        _status.OnNext(new BleLinkStatus(BleLinkState.Connected, _options.Address));
        _watch = WatchForLossAsync(session, _stop.Token);
    }

    public async Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        NusSession session = _session ?? throw new BleException(BleErrorKind.NotConnected, $"{_options.Address} is not connected");
        try
        {
            await session.WriteAsync(bytes, cancellationToken);
        }
        catch (Exception e) when (e is DBusErrorReplyException or DBusConnectionException or TimeoutException)
        {
            throw new BleException(BleErrorKind.NotConnected, $"writing to {_options.Address} failed: {e.Message}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync();
        await _watch;
        if (_session is { } session)
        {
            _session = null;
            await session.DisconnectAsync(CancellationToken.None);
            await session.DisposeAsync();
        }

        if (_bluez is not null)
        {
            await _bluez.DisposeAsync();
        }

        _status.OnNext(new BleLinkStatus(BleLinkState.Closed, null));
        _status.OnCompleted();
        _received.OnCompleted();
        _stop.Dispose();
    }

    /// <summary>The device disconnected or the bus broke: say so once; this link is over.</summary>
    private async Task WatchForLossAsync(NusSession session, CancellationToken cancellationToken)
    {
        try
        {
            string reason = await session.Lost.WaitAsync(cancellationToken);
            _session = null;
            await session.DisposeAsync();
            _status.OnNext(new BleLinkStatus(BleLinkState.Disconnected, reason));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Closed.
        }
    }
}
