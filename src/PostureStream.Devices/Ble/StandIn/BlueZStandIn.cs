using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Threading.Channels;
using Tmds.DBus.Protocol;

namespace PostureStream.Devices.Ble.StandIn;

/// <summary>
/// STAND-IN for BlueZ and the BLE peripherals in range: not a Bluetooth stack, but what <c>bluetoothd</c> shows on
/// D-Bus, for machines without Bluetooth hardware (the tests, and <c>posturestream simulate --witmotion ble</c>).
/// It owns org.bluez on a given bus (a private dbus-daemon) and exports, from one Tmds.DBus.Protocol method handler
/// for the whole tree, ObjectManager, Properties (with PropertiesChanged), Adapter1, Device1, GattService1 and
/// GattCharacteristic1 with the object paths, property names, method signatures and error names BlueZ documents
/// (doc/org.bluez.Adapter.rst, Device.rst, GattService.rst, GattCharacteristic.rst). Each peripheral serves one
/// GATT service (<see cref="StandInDevice.Gatt"/>): the Nordic UART Service of a PSP device or WitMotion's vendor
/// service. Whoever plays the peripheral pushes notifications (over the AcquireNotify socketpair, or as
/// PropertiesChanged Value after StartNotify) and reads what the host wrote.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed partial class BlueZStandIn : IAsyncDisposable
{
    public const string AdapterPath = "/org/bluez/hci0";
    public const string AdapterAddress = "00:1A:7D:DA:71:13";

    private readonly DBusConnection _connection;
    private readonly StandInOptions _options;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Dictionary<string, Dictionary<string, VariantValue>>> _objects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StandInPeripheral> _peripherals = new(StringComparer.Ordinal);
    private readonly Channel<RxWrite> _written = Channel.CreateUnbounded<RxWrite>();
    private readonly Channel<bool> _connectAttempts = Channel.CreateUnbounded<bool>();
    private TaskCompletionSource<NotificationMode> _anyNotifying = NewNotifying();

    private BlueZStandIn(DBusConnection connection, StandInOptions options)
    {
        _connection = connection;
        _options = options;
        foreach (StandInDevice device in options.Devices)
        {
            _peripherals[device.Path] = new StandInPeripheral(device);
        }
    }

    public enum NotificationMode
    {
        AcquiredSocket,
        PropertiesChanged,
    }

    /// <summary>One write to a peripheral's write characteristic: the bytes, the WriteValue "type" option ("acquired" for a write on the AcquireWrite socket), and the peripheral's address.</summary>
    public readonly record struct RxWrite(byte[] Value, string? Type, string Address = "");

    /// <summary>The last SetDiscoveryFilter argument, as received.</summary>
    public BlueZProperties? DiscoveryFilter { get; private set; }

    public int DisconnectCalls { get; private set; }

    /// <summary>Every write the host made, to any peripheral, in order.</summary>
    public ChannelReader<RxWrite> Written => _written.Reader;

    /// <summary>One entry per Device1.Connect call: whether it succeeded.</summary>
    public ChannelReader<bool> ConnectAttempts => _connectAttempts.Reader;

    /// <summary>Owns org.bluez on the bus at <paramref name="busAddress"/> (a unix socket address: notification sockets travel as file descriptors).</summary>
    public static async Task<BlueZStandIn> StartAsync(string busAddress, StandInOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
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

    /// <summary>Completes when the host has subscribed to any peripheral's notifications (again, after a disconnect).</summary>
    public Task<NotificationMode> NotificationsStarted
    {
        get
        {
            lock (_lock)
            {
                return _anyNotifying.Task;
            }
        }
    }

    /// <summary>Completes when the host has subscribed to the notifications of the peripheral at <paramref name="address"/> (again, after a disconnect).</summary>
    public Task<NotificationMode> NotificationsStartedOn(string address)
    {
        lock (_lock)
        {
            return Peripheral(address).Notifying.Task;
        }
    }

    /// <summary>Sends one notification from the connected peripheral (the first one connected, when there are several).</summary>
    public void Notify(byte[] value)
    {
        lock (_lock)
        {
            _ = Send(ConnectedPeripheral(), value);
        }
    }

    /// <summary>
    /// Sends one notification from the peripheral at <paramref name="address"/>, as the device would: only while the
    /// host is subscribed. Returns false (and the notification is lost, as over the air) otherwise.
    /// </summary>
    public bool Notify(string address, byte[] value)
    {
        lock (_lock)
        {
            StandInPeripheral peripheral = Peripheral(address);
            if (!peripheral.Notifying.Task.IsCompleted || !IsConnected(peripheral.Device))
            {
                return false;
            }

            return Send(peripheral, value);
        }
    }

    /// <summary>
    /// True when the host has read every notification sent on an acquired notify socket (none is still queued).
    /// Lets a simulation paced by a virtual clock move the clock only after the host has taken what was due.
    /// </summary>
    public bool AllNotificationsRead
    {
        get
        {
            lock (_lock)
            {
                return _peripherals.Values.All(p => p.NotifyPeer is not { } socket || SocketPair.Unread(socket) == 0);
            }
        }
    }

    /// <summary>
    /// The connected peripheral goes away: services go, the device disconnects, the notify socket closes. Out of
    /// range, Connect fails as BlueZ's does until <see cref="ComeBackInRange()"/>.
    /// </summary>
    public void DropConnection(bool outOfRange = false)
    {
        lock (_lock)
        {
            StandInPeripheral peripheral = ConnectedPeripheral();
            peripheral.OutOfRange = outOfRange;
            Disconnect(peripheral);
        }
    }

    /// <summary>The peripheral at <paramref name="address"/> goes away (unplugged, flat battery, out of range), as <see cref="DropConnection(bool)"/>.</summary>
    public void DropConnection(string address, bool outOfRange)
    {
        lock (_lock)
        {
            StandInPeripheral peripheral = Peripheral(address);
            peripheral.OutOfRange = outOfRange;
            if (IsConnected(peripheral.Device))
            {
                Disconnect(peripheral);
            }
        }
    }

    /// <summary>Every peripheral can be connected again.</summary>
    public void ComeBackInRange()
    {
        lock (_lock)
        {
            foreach (StandInPeripheral peripheral in _peripherals.Values)
            {
                peripheral.OutOfRange = false;
            }
        }
    }

    /// <summary>The peripheral at <paramref name="address"/> can be connected again.</summary>
    public void ComeBackInRange(string address)
    {
        lock (_lock)
        {
            Peripheral(address).OutOfRange = false;
        }
    }

    /// <summary>The output rate the host set on a WitMotion peripheral (unlock, rate register, as the datasheet says); null until it did.</summary>
    public double? RateSetOn(string address)
    {
        lock (_lock)
        {
            return Peripheral(address).Registers.RateHertz;
        }
    }

    public ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            foreach (StandInPeripheral peripheral in _peripherals.Values)
            {
                peripheral.CloseSockets();
            }
        }

        _connection.Dispose();
        return ValueTask.CompletedTask;
    }

    private static TaskCompletionSource<NotificationMode> NewNotifying() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private StandInPeripheral Peripheral(string address) =>
        _peripherals.Values.FirstOrDefault(p => string.Equals(p.Device.Address, address, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"no peripheral {address} in the stand-in", nameof(address));

    private bool IsConnected(StandInDevice device) =>
        _objects.TryGetValue(device.Path, out var o) && o[BlueZNames.Device]["Connected"].GetBool();

    private StandInPeripheral ConnectedPeripheral() => _peripherals.Values.First(p => IsConnected(p.Device));

    /// <summary>False when the host's end is already closed (it is disconnecting): the notification is lost, as over the air.</summary>
    private bool Send(StandInPeripheral peripheral, byte[] value)
    {
        if (peripheral.NotifyPeer is { } socket)
        {
            try
            {
                socket.Send(value);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }

        SetProperty(TxPath(peripheral.Device), BlueZNames.GattCharacteristic, "Value", VariantValue.Array(value));
        return true;
    }

    /// <summary>A write reached the peripheral: recorded, and obeyed when it is a WitMotion register command.</summary>
    private void Received(StandInPeripheral peripheral, byte[] value, string? type)
    {
        lock (_lock)
        {
            peripheral.Registers.Write(value);
        }

        _written.Writer.TryWrite(new RxWrite(value, type, peripheral.Device.Address));
    }

    /// <summary>Each datagram on the AcquireWrite socket is one write-without-response.</summary>
    private async Task ReadAcquiredWritesAsync(StandInPeripheral peripheral, Socket socket)
    {
        byte[] buffer = new byte[512];
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(buffer)) > 0)
            {
                Received(peripheral, buffer[..read], "acquired");
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Closed on disconnect.
        }
    }
}
