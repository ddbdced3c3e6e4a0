using System.Reactive.Subjects;
using Tmds.DBus.Protocol;

namespace PostureStream.Devices.Ble;

/// <summary>
/// A PSP byte stream over the Nordic UART Service through BlueZ, reconnecting with capped exponential
/// backoff when the device goes away. Subscribe to <see cref="Received"/> before <see cref="StartAsync"/>.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class BleLink : IBleByteLink
{
    private readonly BleLinkOptions _options;
    private readonly Subject<ReadOnlyMemory<byte>> _received = new();
    private readonly Subject<BleLinkStatus> _status = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _sessionLock = new(1, 1);
    private BlueZClient? _bluez;
    private volatile NusSession? _session;
    private Task _supervisor = Task.CompletedTask;
    private int _reconnects;

    public BleLink(BleLinkOptions options)
    {
        options.Validate();
        _options = options;
    }

    public IObservable<ReadOnlyMemory<byte>> Received => _received;

    public IObservable<BleLinkStatus> Status => _status;

    public int Reconnects => _reconnects;

    /// <summary>True while notifications come by PropertiesChanged (AcquireNotify was refused).</summary>
    public bool NotifiesByProperties => _session?.NotifiesByProperties ?? false;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_session is not null || _supervisor != Task.CompletedTask)
        {
            throw new InvalidOperationException("the BLE link is already started");
        }

        _status.OnNext(new BleLinkStatus(BleLinkState.Connecting, _options.Address));
        try
        {
            _session = await OpenSessionAsync(cancellationToken);
        }
        catch (Exception e) when (BleException.FromFailure(e) is { } failure)
        {
            throw failure;
        }

        _status.OnNext(new BleLinkStatus(BleLinkState.Connected, _options.Address));
        _supervisor = SuperviseAsync(_session, _stop.Token);
    }

    public async Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        NusSession session = _session ?? throw new BleException(BleErrorKind.NotConnected, $"{_options.Address} is not connected; the link is reconnecting");
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
        await _supervisor;
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
        _sessionLock.Dispose();
    }

    private async Task SuperviseAsync(NusSession session, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                string reason = await session.Lost.WaitAsync(cancellationToken);
                _session = null;
                await session.DisposeAsync();
                _status.OnNext(new BleLinkStatus(BleLinkState.Disconnected, reason));
                session = await ReconnectAsync(cancellationToken);
                _session = session;
                Interlocked.Increment(ref _reconnects);
                _status.OnNext(new BleLinkStatus(BleLinkState.Connected, _options.Address));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Closed.
        }
    }

    private async Task<NusSession> ReconnectAsync(CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            TimeSpan delay = ReconnectBackoff.Delay(attempt, _options.InitialReconnectDelay, _options.MaxReconnectDelay);
            await Task.Delay(delay, _options.TimeProvider, cancellationToken);
            _status.OnNext(new BleLinkStatus(BleLinkState.Connecting, $"attempt {attempt + 1}"));
            try
            {
                return await OpenSessionAsync(cancellationToken);
            }
            catch (Exception e) when (e is BleException or DBusExceptionBase or TimeoutException)
            {
                _status.OnNext(new BleLinkStatus(BleLinkState.Disconnected, e.Message));
            }
        }
    }

    private async Task<NusSession> OpenSessionAsync(CancellationToken cancellationToken)
    {
        await _sessionLock.WaitAsync(cancellationToken);
        try
        {
            if (_bluez is null || _bluez.Closed.IsCompleted)
            {
                if (_bluez is not null)
                {
                    await _bluez.DisposeAsync();
                    _bluez = null;
                }

                _bluez = await BlueZClient.ConnectAsync(_options.BusAddress, _options.TimeProvider, cancellationToken);
            }

            return await NusSession.OpenAsync(_bluez, _options, bytes => _received.OnNext(bytes), cancellationToken);
        }
        finally
        {
            _sessionLock.Release();
        }
    }
}
