using System.Net.Sockets;
using PostureStream.Devices.DBus;

namespace PostureStream.Devices.Ble;

/// <summary>
/// The calls PostureStream makes to BlueZ over D-Bus, with bus and BlueZ failures turned into
/// <see cref="BleException"/>s that say what to do.
/// </summary>
public sealed class BlueZClient : IAsyncDisposable
{
    private static readonly DBusObjectPath Root = new("/");

    private BlueZClient(DBusConnection connection) => Connection = connection;

    public DBusConnection Connection { get; }

    /// <summary>Connects to the bus (the system bus when <paramref name="busAddress"/> is null).</summary>
    public static async Task<BlueZClient> ConnectAsync(string? busAddress, TimeProvider? timeProvider, CancellationToken cancellationToken)
    {
        DBusAddress address;
        try
        {
            address = busAddress is null ? DBusAddress.System : DBusAddress.Parse(busAddress);
        }
        catch (FormatException e)
        {
            throw new BleException(BleErrorKind.NoSystemBus, $"{e.Message}; set DBUS_SYSTEM_BUS_ADDRESS to a unix:path=... address or unset it", e);
        }

        try
        {
            return new BlueZClient(await DBusConnection.ConnectAsync(address, timeProvider, cancellationToken));
        }
        catch (Exception e) when (e is SocketException or IOException or DBusConnectionClosedException or DBusProtocolException)
        {
            throw BleException.NoSystemBus(address.Text, e);
        }
    }

    public async Task<BlueZObjects> GetObjectsAsync(CancellationToken cancellationToken)
    {
        DBusMessage reply = await CallAsync(Root, BlueZNames.ObjectManager, "GetManagedObjects", "", [], cancellationToken);
        return BlueZObjects.FromWire(reply.Body[0]);
    }

    /// <summary>
    /// The adapter to use: the one named (e.g. "hci1"), else the first. Fails with advice when there is
    /// none or it is powered off.
    /// </summary>
    public static (DBusObjectPath Path, BlueZProperties Properties) SelectAdapter(BlueZObjects objects, string? name)
    {
        var adapters = objects.WithInterface(BlueZNames.Adapter)
            .Where(a => name is null || a.Path.Value.EndsWith("/" + name, StringComparison.Ordinal))
            .ToList();
        if (adapters.Count == 0)
        {
            throw BleException.NoAdapter(name);
        }

        var powered = adapters.Where(a => a.Properties.GetBoolean("Powered")).ToList();
        return powered.Count > 0 ? powered[0] : throw BleException.AdapterPoweredOff(adapters[0].Path.Value);
    }

    /// <summary>Limits discovery to LE devices, and (<paramref name="byService"/>) to those advertising the Nordic UART Service.</summary>
    public Task SetNusDiscoveryFilterAsync(DBusObjectPath adapter, bool byService, CancellationToken cancellationToken)
    {
        var filter = new Dictionary<string, object> { ["Transport"] = "le" };
        if (byService)
        {
            filter["UUIDs"] = new[] { NordicUart.ServiceUuid };
        }

        return CallAsync(adapter, BlueZNames.Adapter, "SetDiscoveryFilter", "a{sv}", [filter], cancellationToken);
    }

    public Task StartDiscoveryAsync(DBusObjectPath adapter, CancellationToken cancellationToken) =>
        CallAsync(adapter, BlueZNames.Adapter, "StartDiscovery", "", [], cancellationToken);

    /// <summary>Stops discovery, ignoring the error BlueZ gives when it was not running.</summary>
    public async Task StopDiscoveryAsync(DBusObjectPath adapter, CancellationToken cancellationToken)
    {
        try
        {
            await CallAsync(adapter, BlueZNames.Adapter, "StopDiscovery", "", [], cancellationToken);
        }
        catch (DBusErrorException e) when (e.ErrorName.StartsWith(BlueZNames.ErrorPrefix, StringComparison.Ordinal))
        {
            // Not discovering (another client stopped it, or it never started): nothing to stop.
        }
    }

    public Task ConnectDeviceAsync(DBusObjectPath device, TimeSpan timeout, CancellationToken cancellationToken) =>
        CallAsync(device, BlueZNames.Device, "Connect", "", [], cancellationToken, timeout);

    public Task DisconnectDeviceAsync(DBusObjectPath device, CancellationToken cancellationToken) =>
        CallAsync(device, BlueZNames.Device, "Disconnect", "", [], cancellationToken);

    public async Task<BlueZProperties> GetAllAsync(DBusObjectPath path, string interfaceName, CancellationToken cancellationToken)
    {
        DBusMessage reply = await CallAsync(path, BlueZNames.Properties, "GetAll", "s", [interfaceName], cancellationToken);
        return BlueZProperties.FromWire(reply.Body[0]);
    }

    /// <summary>AcquireNotify: a socket that carries one notification per read, and the MTU.</summary>
    public async Task<(DBusUnixFd Fd, ushort Mtu)> AcquireNotifyAsync(DBusObjectPath characteristic, CancellationToken cancellationToken)
    {
        DBusMessage reply = await CallAsync(characteristic, BlueZNames.GattCharacteristic, "AcquireNotify", "a{sv}", [new Dictionary<string, object>()], cancellationToken);
        return (reply.Arg<DBusUnixFd>(0), reply.Arg<ushort>(1));
    }

    /// <summary>AcquireWrite: a socket where each write is one write-without-response, and the MTU.</summary>
    public async Task<(DBusUnixFd Fd, ushort Mtu)> AcquireWriteAsync(DBusObjectPath characteristic, CancellationToken cancellationToken)
    {
        DBusMessage reply = await CallAsync(characteristic, BlueZNames.GattCharacteristic, "AcquireWrite", "a{sv}", [new Dictionary<string, object>()], cancellationToken);
        return (reply.Arg<DBusUnixFd>(0), reply.Arg<ushort>(1));
    }

    public Task StartNotifyAsync(DBusObjectPath characteristic, CancellationToken cancellationToken) =>
        CallAsync(characteristic, BlueZNames.GattCharacteristic, "StartNotify", "", [], cancellationToken);

    /// <summary>Writes without response ("command"), the way NUS RX is written.</summary>
    public Task WriteCommandAsync(DBusObjectPath characteristic, byte[] value, CancellationToken cancellationToken) =>
        CallAsync(characteristic, BlueZNames.GattCharacteristic, "WriteValue", "aya{sv}", [value, new Dictionary<string, object> { ["type"] = "command" }], cancellationToken);

    /// <summary>PropertiesChanged of objects at and below <paramref name="pathNamespace"/>.</summary>
    public Task<IDisposable> SubscribePropertiesChangedAsync(DBusObjectPath pathNamespace, Action<DBusObjectPath, string, BlueZProperties, IReadOnlyList<string>> handler, CancellationToken cancellationToken) =>
        Connection.SubscribeAsync(
            new DBusMatchRule { Sender = BlueZNames.Service, Interface = BlueZNames.Properties, Member = "PropertiesChanged", PathNamespace = pathNamespace },
            m => handler(m.Path ?? Root, m.Arg<string>(0), BlueZProperties.FromWire(m.Body[1]), m.Arg<object[]>(2).OfType<string>().ToArray()),
            cancellationToken);

    /// <summary>InterfacesAdded: new objects (devices found by discovery, services after connecting).</summary>
    public Task<IDisposable> SubscribeInterfacesAddedAsync(Action<DBusObjectPath, IReadOnlyDictionary<string, BlueZProperties>> handler, CancellationToken cancellationToken) =>
        Connection.SubscribeAsync(
            new DBusMatchRule { Sender = BlueZNames.Service, Interface = BlueZNames.ObjectManager, Member = "InterfacesAdded" },
            m => handler(m.Arg<DBusObjectPath>(0), BlueZObjects.ParseInterfaces(m.Body[1])),
            cancellationToken);

    public ValueTask DisposeAsync() => Connection.DisposeAsync();

    private async Task<DBusMessage> CallAsync(DBusObjectPath path, string interfaceName, string member, string signature, object[] body, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        DBusMessage call = DBusMessage.MethodCall(BlueZNames.Service, path, interfaceName, member, signature, body);
        try
        {
            return await Connection.CallAsync(call, timeout ?? DBusConnection.DefaultCallTimeout, cancellationToken);
        }
        catch (DBusErrorException e) when (e.ErrorName is "org.freedesktop.DBus.Error.ServiceUnknown" or "org.freedesktop.DBus.Error.NameHasNoOwner")
        {
            throw BleException.NoBlueZ(e);
        }
        catch (DBusErrorException e) when (e.ErrorName is "org.freedesktop.DBus.Error.AccessDenied")
        {
            throw BleException.PermissionDenied(e);
        }
    }
}
