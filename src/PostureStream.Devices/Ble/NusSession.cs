using System.Net.Sockets;
using Tmds.DBus.Protocol;

namespace PostureStream.Devices.Ble;

/// <summary>
/// One connection to a NUS device: found, connected, services resolved, notifications flowing (an
/// AcquireNotify socket, else StartNotify + PropertiesChanged) and RX writable. <see cref="Lost"/>
/// completes with the reason when the connection goes.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed class NusSession : IAsyncDisposable
{
    private static readonly string[] PairingErrors =
    [
        "org.bluez.Error.AuthenticationFailed",
        "org.bluez.Error.AuthenticationCanceled",
        "org.bluez.Error.AuthenticationRejected",
        "org.bluez.Error.AuthenticationTimeout",
        "org.bluez.Error.NotAuthorized",
        "org.bluez.Error.NotPaired",
    ];

    private readonly BlueZClient _bluez;
    private readonly TaskCompletionSource<string> _lost = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _servicesResolved = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly Action<byte[]> _onBytes;
    private string _tx = "";
    private string _rx = "";
    private volatile bool _notifyByProperties;
    private Socket? _notifySocket;
    private Socket? _writeSocket;
    private Task _readLoop = Task.CompletedTask;

    private NusSession(BlueZClient bluez, string device, string address, Action<byte[]> onBytes)
    {
        _bluez = bluez;
        Device = device;
        Address = address;
        _onBytes = onBytes;
    }

    public string Device { get; }

    public string Address { get; }

    /// <summary>Completes with a reason when the device disconnects or notifications stop.</summary>
    public Task<string> Lost => _lost.Task;

    /// <summary>The most bytes one write carries (ATT MTU - 3).</summary>
    public int WriteChunkLength { get; private set; } = NordicUart.DefaultAttMtu - NordicUart.AttHeaderLength;

    /// <summary>True when notifications come by PropertiesChanged because AcquireNotify was refused.</summary>
    public bool NotifiesByProperties => _notifyByProperties;

    public static async Task<NusSession> OpenAsync(BlueZClient bluez, BleLinkOptions options, Action<byte[]> onBytes, CancellationToken cancellationToken)
    {
        BlueZObjects objects = await bluez.GetObjectsAsync(cancellationToken);
        (string adapter, _) = BlueZClient.SelectAdapter(objects, options.Adapter);
        string device = await BleScanner.FindDeviceAsync(bluez, adapter, options.Address, options.ScanTimeout, options.TimeProvider, cancellationToken);
        var session = new NusSession(bluez, device, options.Address, onBytes);
        try
        {
            await session.ConnectAsync(options, cancellationToken);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>True when writes go through an AcquireWrite socket rather than WriteValue calls.</summary>
    public bool WritesBySocket => _writeSocket is not null;

    /// <summary>
    /// Writes <paramref name="bytes"/> to RX in writes of at most <see cref="WriteChunkLength"/> bytes:
    /// through the AcquireWrite socket when there is one (no D-Bus round trip per write), else as
    /// WriteValue commands.
    /// </summary>
    public async Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        for (int at = 0; at < bytes.Length; at += WriteChunkLength)
        {
            ReadOnlyMemory<byte> chunk = bytes.Slice(at, Math.Min(WriteChunkLength, bytes.Length - at));
            if (_writeSocket is { } socket)
            {
                try
                {
                    await socket.SendAsync(chunk, SocketFlags.None, cancellationToken);
                    continue;
                }
                catch (SocketException)
                {
                    // BlueZ closes the write socket when the MTU is renegotiated: fall back to WriteValue.
                    _writeSocket = null;
                    socket.Dispose();
                }
            }

            await _bluez.WriteCommandAsync(_rx, chunk.ToArray(), cancellationToken);
        }
    }

    /// <summary>Asks BlueZ to drop the connection (when the link is closed for good).</summary>
    public async Task DisconnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _bluez.DisconnectDeviceAsync(Device, cancellationToken);
        }
        catch (Exception e) when (e is DBusErrorReplyException or BleException or DBusConnectionException or TimeoutException)
        {
            // Already gone: nothing to disconnect.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (IDisposable subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        _notifySocket?.Dispose();
        _writeSocket?.Dispose();
        await _readLoop;
        _stop.Dispose();
        _lost.TrySetResult("closed");
    }

    private async Task ConnectAsync(BleLinkOptions options, CancellationToken cancellationToken)
    {
        // Subscribe before looking, so no change between the look and the subscription is missed.
        _subscriptions.Add(await _bluez.SubscribePropertiesChangedAsync(Device, OnPropertiesChanged, cancellationToken));
        BlueZProperties device = await _bluez.GetAllAsync(Device, BlueZNames.Device, cancellationToken);
        if (!device.GetBoolean("Connected"))
        {
            try
            {
                await _bluez.ConnectDeviceAsync(Device, options.ConnectTimeout, cancellationToken);
            }
            catch (DBusErrorReplyException e) when (PairingErrors.Contains(e.ErrorName))
            {
                throw BleException.PairingNeeded(Address, e);
            }
            catch (Exception e) when (e is DBusErrorReplyException or TimeoutException)
            {
                throw BleException.ConnectFailed(Address, e);
            }
        }

        if ((await _bluez.GetAllAsync(Device, BlueZNames.Device, cancellationToken)).GetBoolean("ServicesResolved"))
        {
            _servicesResolved.TrySetResult();
        }

        try
        {
            await _servicesResolved.Task.WaitAsync(options.ConnectTimeout, options.TimeProvider, cancellationToken);
        }
        catch (TimeoutException e)
        {
            throw BleException.ConnectFailed(Address, new TimeoutException($"services not resolved within {options.ConnectTimeout}", e));
        }

        BlueZObjects objects = await _bluez.GetObjectsAsync(cancellationToken);
        _tx = objects.FindCharacteristic(Device, options.Profile.NotifyCharacteristicUuid) ?? throw BleException.NoService(Address, options.Profile);
        _rx = objects.FindCharacteristic(Device, options.Profile.WriteCharacteristicUuid) ?? throw BleException.NoService(Address, options.Profile);
        if (objects.Get(_rx, BlueZNames.GattCharacteristic)?.GetUInt16("MTU") is ushort rxMtu and > NordicUart.AttHeaderLength)
        {
            WriteChunkLength = rxMtu - NordicUart.AttHeaderLength;
        }

        await StartNotificationsAsync(cancellationToken);
        await AcquireWriteAsync(cancellationToken);
        _ = _bluez.Closed.ContinueWith(_ => _lost.TrySetResult("the D-Bus connection closed"), TaskScheduler.Default);
    }

    private async Task StartNotificationsAsync(CancellationToken cancellationToken)
    {
        try
        {
            (Socket socket, ushort mtu) = await _bluez.AcquireNotifyAsync(_tx, cancellationToken);
            _notifySocket = socket;
            if (mtu > NordicUart.AttHeaderLength)
            {
                WriteChunkLength = Math.Max(WriteChunkLength, mtu - NordicUart.AttHeaderLength);
            }

            _readLoop = ReadNotificationsAsync(_notifySocket, mtu);
            return;
        }
        catch (DBusErrorReplyException e) when (PairingErrors.Contains(e.ErrorName))
        {
            throw BleException.PairingNeeded(Address, e);
        }
        catch (DBusErrorReplyException)
        {
            // AcquireNotify is refused by older BlueZ, by some devices, or when another client holds it.
        }

        _notifyByProperties = true;
        try
        {
            await _bluez.StartNotifyAsync(_tx, cancellationToken);
        }
        catch (DBusErrorReplyException e) when (PairingErrors.Contains(e.ErrorName))
        {
            throw BleException.PairingNeeded(Address, e);
        }
    }

    private async Task AcquireWriteAsync(CancellationToken cancellationToken)
    {
        try
        {
            (Socket socket, ushort mtu) = await _bluez.AcquireWriteAsync(_rx, cancellationToken);
            _writeSocket = socket;
            if (mtu > NordicUart.AttHeaderLength)
            {
                WriteChunkLength = mtu - NordicUart.AttHeaderLength;
            }
        }
        catch (DBusErrorReplyException)
        {
            // Not offered (older BlueZ, or the characteristic has no write-without-response): WriteValue it is.
        }
    }

    private async Task ReadNotificationsAsync(Socket socket, int mtu)
    {
        byte[] buffer = new byte[Math.Max(mtu, 512)];
        try
        {
            while (true)
            {
                int read = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (read == 0)
                {
                    _lost.TrySetResult("the notification socket closed (device disconnected)");
                    return;
                }

                _onBytes(buffer.AsSpan(0, read).ToArray());
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            _lost.TrySetResult("notifications stopped: " + e.Message);
        }
    }

    private void OnPropertiesChanged(string path, string interfaceName, BlueZProperties changed, IReadOnlyList<string> invalidated)
    {
        if (path == Device && interfaceName == BlueZNames.Device)
        {
            if (changed.Has("Connected") && !changed.GetBoolean("Connected"))
            {
                _lost.TrySetResult("the device disconnected");
            }

            if (changed.GetBoolean("ServicesResolved"))
            {
                _servicesResolved.TrySetResult();
            }
        }
        else if (_notifyByProperties && path == _tx && interfaceName == BlueZNames.GattCharacteristic && changed.GetBytes("Value") is { Length: > 0 } value)
        {
            _onBytes(value);
        }
    }
}
