using System.Net.Sockets;
using System.Threading.Channels;
using PostureStream.Devices.Ble;
using Tmds.DBus.Protocol;

namespace PostureStream.Devices.Tests.Ble;

/// <summary>
/// STAND-IN for BlueZ and a BLE posture sensor, because Bluetooth hardware cannot be attached to the
/// machine the tests run on. It owns org.bluez on a private dbus-daemon and exports (one Tmds.DBus.Protocol
/// method handler for the whole tree) ObjectManager, Properties (with PropertiesChanged), Adapter1, Device1,
/// GattService1 and GattCharacteristic1 with the object paths, property names, method signatures and error
/// names BlueZ documents (doc/org.bluez.Adapter.rst, Device.rst, GattService.rst, GattCharacteristic.rst).
/// The peripheral behind it serves the Nordic UART Service: the test pushes notifications (over the
/// AcquireNotify socketpair, or as PropertiesChanged Value after StartNotify) and reads what was written to RX.
/// </summary>
internal sealed partial class BlueZStandIn : IAsyncDisposable
{
    public const string AdapterPath = "/org/bluez/hci0";
    public const string AdapterAddress = "00:1A:7D:DA:71:13";

    private readonly DBusConnection _connection;
    private readonly StandInOptions _options;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Dictionary<string, Dictionary<string, VariantValue>>> _objects = new(StringComparer.Ordinal);
    private readonly Channel<RxWrite> _written = Channel.CreateUnbounded<RxWrite>();
    private readonly Channel<bool> _connectAttempts = Channel.CreateUnbounded<bool>();
    private bool _outOfRange;
    private TaskCompletionSource<NotificationMode> _notifying = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Socket? _notifyPeer;
    private Socket? _writePeer;

    private BlueZStandIn(DBusConnection connection, StandInOptions options)
    {
        _connection = connection;
        _options = options;
    }

    public enum NotificationMode
    {
        AcquiredSocket,
        PropertiesChanged,
    }

    /// <summary>One write to RX: the bytes and the WriteValue "type" option ("acquired" for a write on the AcquireWrite socket).</summary>
    public readonly record struct RxWrite(byte[] Value, string? Type);

    /// <summary>The last SetDiscoveryFilter argument, as received.</summary>
    public BlueZProperties? DiscoveryFilter { get; private set; }

    public int DisconnectCalls { get; private set; }

    public ChannelReader<RxWrite> Written => _written.Reader;

    /// <summary>One entry per Device1.Connect call: whether it succeeded.</summary>
    public ChannelReader<bool> ConnectAttempts => _connectAttempts.Reader;

    public static async Task<BlueZStandIn> StartAsync(string busAddress, StandInOptions options)
    {
        var connection = new DBusConnection(busAddress);
        try
        {
            await connection.ConnectAsync();
            var standIn = new BlueZStandIn(connection, options);
            standIn.ExportInitialObjects();
            connection.AddMethodHandler(new MethodHandler(standIn));
            await connection.RequestNameAsync(BlueZNames.Service, RequestNameOptions.None);
            return standIn;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Completes when the client has subscribed to TX notifications (again, after a reconnect).</summary>
    public Task<NotificationMode> NotificationsStarted
    {
        get
        {
            lock (_lock)
            {
                return _notifying.Task;
            }
        }
    }

    /// <summary>Sends one notification on TX, the way the peripheral would.</summary>
    public void Notify(byte[] value)
    {
        lock (_lock)
        {
            if (_notifyPeer is { } peer)
            {
                peer.Send(value);
                return;
            }

            string tx = TxPath(ConnectedDevice());
            SetProperty(tx, BlueZNames.GattCharacteristic, "Value", VariantValue.Array(value));
        }
    }

    /// <summary>
    /// The peripheral goes away: services go, the device disconnects, the notify socket closes. Out of
    /// range, Connect fails as BlueZ's does until <see cref="ComeBackInRange"/>.
    /// </summary>
    public void DropConnection(bool outOfRange = false)
    {
        lock (_lock)
        {
            _outOfRange = outOfRange;
            Disconnect(ConnectedDevice());
        }
    }

    public void ComeBackInRange()
    {
        lock (_lock)
        {
            _outOfRange = false;
        }
    }

    public ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            CloseAcquiredSockets();
        }

        _connection.Dispose();
        return ValueTask.CompletedTask;
    }

    private StandInDevice ConnectedDevice() =>
        _options.Devices.First(d => _objects.TryGetValue(d.Path, out var o) && o[BlueZNames.Device]["Connected"].GetBool());

    private void CloseAcquiredSockets()
    {
        _notifyPeer?.Dispose();
        _notifyPeer = null;
        _writePeer?.Dispose();
        _writePeer = null;
    }

    /// <summary>Each datagram on the AcquireWrite socket is one write-without-response to RX.</summary>
    private async Task ReadAcquiredWritesAsync(Socket socket)
    {
        byte[] buffer = new byte[512];
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(buffer)) > 0)
            {
                _written.Writer.TryWrite(new RxWrite(buffer[..read], "acquired"));
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Closed on disconnect.
        }
    }
}
