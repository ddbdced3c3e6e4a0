using System.Net.Sockets;
using Tmds.DBus.Protocol;

namespace PostureStream.Devices.Ble;

/// <summary>
/// The calls PostureStream makes to BlueZ over D-Bus (through Tmds.DBus.Protocol), with bus and BlueZ
/// failures turned into <see cref="BleException"/>s that say what to do.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class BlueZClient : IAsyncDisposable
{
    /// <summary>How long a call may wait for BlueZ's reply unless it says otherwise (D-Bus's usual 25 s).</summary>
    public static readonly TimeSpan DefaultCallTimeout = TimeSpan.FromSeconds(25);

    private const string DefaultSystemBus = "unix:path=/var/run/dbus/system_bus_socket";
    private const string Root = "/";

    private readonly DBusConnection _connection;
    private readonly TimeProvider _timeProvider;

    private BlueZClient(DBusConnection connection, TimeProvider timeProvider)
    {
        _connection = connection;
        _timeProvider = timeProvider;
        Closed = connection.DisconnectedAsync();
    }

    /// <summary>Writes the arguments of a method call after its header.</summary>
    private delegate void BodyWriter(ref MessageWriter writer);

    /// <summary>Completes when the connection to the bus ends, for whatever reason.</summary>
    public Task Closed { get; }

    /// <summary>Connects to the bus (the system bus when <paramref name="busAddress"/> is null: DBUS_SYSTEM_BUS_ADDRESS, else the standard socket).</summary>
    public static async Task<BlueZClient> ConnectAsync(string? busAddress, TimeProvider? timeProvider, CancellationToken cancellationToken)
    {
        string address = busAddress ?? DBusAddress.System ?? DefaultSystemBus;
        var connection = new DBusConnection(address);
        try
        {
            await connection.ConnectAsync().AsTask().WaitAsync(cancellationToken);
            return new BlueZClient(connection, timeProvider ?? TimeProvider.System);
        }
        catch (DBusConnectionException e)
        {
            connection.Dispose();
            throw BleException.NoSystemBus(address, e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public Task<BlueZObjects> GetObjectsAsync(CancellationToken cancellationToken) =>
        CallAsync(Root, BlueZNames.ObjectManager, "GetManagedObjects", ReadObjects, cancellationToken);

    /// <summary>
    /// The adapter to use: the one named (e.g. "hci1"), else the first. Fails with advice when there is
    /// none or it is powered off.
    /// </summary>
    public static (string Path, BlueZProperties Properties) SelectAdapter(BlueZObjects objects, string? name)
    {
        var adapters = objects.WithInterface(BlueZNames.Adapter)
            .Where(a => name is null || a.Path.EndsWith("/" + name, StringComparison.Ordinal))
            .ToList();
        if (adapters.Count == 0)
        {
            throw BleException.NoAdapter(name);
        }

        var powered = adapters.Where(a => a.Properties.GetBoolean("Powered")).ToList();
        return powered.Count > 0 ? powered[0] : throw BleException.AdapterPoweredOff(adapters[0].Path);
    }

    /// <summary>Limits discovery to LE devices, and (<paramref name="byService"/>) to those advertising the Nordic UART Service.</summary>
    public Task SetNusDiscoveryFilterAsync(string adapter, bool byService, CancellationToken cancellationToken)
    {
        var filter = new Dictionary<string, VariantValue> { ["Transport"] = "le" };
        if (byService)
        {
            filter["UUIDs"] = VariantValue.Array(new[] { NordicUart.ServiceUuid });
        }

        return CallAsync(adapter, BlueZNames.Adapter, "SetDiscoveryFilter", ReadNothing, cancellationToken, "a{sv}", (ref MessageWriter w) => w.WriteDictionary(filter));
    }

    public Task StartDiscoveryAsync(string adapter, CancellationToken cancellationToken) =>
        CallAsync(adapter, BlueZNames.Adapter, "StartDiscovery", ReadNothing, cancellationToken);

    /// <summary>Stops discovery, ignoring the error BlueZ gives when it was not running.</summary>
    public async Task StopDiscoveryAsync(string adapter, CancellationToken cancellationToken)
    {
        try
        {
            await CallAsync(adapter, BlueZNames.Adapter, "StopDiscovery", ReadNothing, cancellationToken);
        }
        catch (DBusErrorReplyException e) when (e.ErrorName.StartsWith(BlueZNames.ErrorPrefix, StringComparison.Ordinal))
        {
            // Not discovering (another client stopped it, or it never started): nothing to stop.
        }
    }

    public Task ConnectDeviceAsync(string device, TimeSpan timeout, CancellationToken cancellationToken) =>
        CallAsync(device, BlueZNames.Device, "Connect", ReadNothing, cancellationToken, timeout: timeout);

    public Task DisconnectDeviceAsync(string device, CancellationToken cancellationToken) =>
        CallAsync(device, BlueZNames.Device, "Disconnect", ReadNothing, cancellationToken);

    public Task<BlueZProperties> GetAllAsync(string path, string interfaceName, CancellationToken cancellationToken) =>
        CallAsync(path, BlueZNames.Properties, "GetAll", ReadProperties, cancellationToken, "s", (ref MessageWriter w) => w.WriteString(interfaceName));

    /// <summary>AcquireNotify: a socket that carries one notification per read, and the MTU. The caller owns the socket.</summary>
    public Task<(Socket Socket, ushort Mtu)> AcquireNotifyAsync(string characteristic, CancellationToken cancellationToken) =>
        CallAsync(characteristic, BlueZNames.GattCharacteristic, "AcquireNotify", ReadSocketAndMtu, cancellationToken, "a{sv}", WriteNoOptions);

    /// <summary>AcquireWrite: a socket where each write is one write-without-response, and the MTU. The caller owns the socket.</summary>
    public Task<(Socket Socket, ushort Mtu)> AcquireWriteAsync(string characteristic, CancellationToken cancellationToken) =>
        CallAsync(characteristic, BlueZNames.GattCharacteristic, "AcquireWrite", ReadSocketAndMtu, cancellationToken, "a{sv}", WriteNoOptions);

    public Task StartNotifyAsync(string characteristic, CancellationToken cancellationToken) =>
        CallAsync(characteristic, BlueZNames.GattCharacteristic, "StartNotify", ReadNothing, cancellationToken);

    /// <summary>Writes without response ("command"), the way NUS RX is written.</summary>
    public Task WriteCommandAsync(string characteristic, byte[] value, CancellationToken cancellationToken) =>
        CallAsync(characteristic, BlueZNames.GattCharacteristic, "WriteValue", ReadNothing, cancellationToken, "aya{sv}", (ref MessageWriter w) =>
        {
            w.WriteArray(value);
            w.WriteDictionary(new Dictionary<string, VariantValue> { ["type"] = "command" });
        });

    /// <summary>PropertiesChanged of objects at and below <paramref name="pathNamespace"/>, handled on the connection's reader (must not block).</summary>
    public Task<IDisposable> SubscribePropertiesChangedAsync(string pathNamespace, Action<string, string, BlueZProperties, IReadOnlyList<string>> handler, CancellationToken cancellationToken) =>
        SubscribeAsync(
            new MatchRule { Type = MessageType.Signal, Sender = BlueZNames.Service, Interface = BlueZNames.Properties, Member = "PropertiesChanged", PathNamespace = pathNamespace },
            static (message, _) =>
            {
                Reader reader = message.GetBodyReader();
                string interfaceName = reader.ReadString();
                BlueZProperties changed = BlueZProperties.Read(ref reader);
                return (Path: message.PathAsString ?? Root, Interface: interfaceName, Changed: changed, Invalidated: reader.ReadArrayOfString());
            },
            signal => handler(signal.Path, signal.Interface, signal.Changed, signal.Invalidated),
            cancellationToken);

    /// <summary>InterfacesAdded: new objects (devices found by discovery, services after connecting).</summary>
    public Task<IDisposable> SubscribeInterfacesAddedAsync(Action<string, IReadOnlyDictionary<string, BlueZProperties>> handler, CancellationToken cancellationToken) =>
        SubscribeAsync(
            new MatchRule { Type = MessageType.Signal, Sender = BlueZNames.Service, Interface = BlueZNames.ObjectManager, Member = "InterfacesAdded" },
            static (message, _) =>
            {
                Reader reader = message.GetBodyReader();
                string path = reader.ReadObjectPathAsString();
                return (Path: path, Interfaces: BlueZObjects.ReadInterfaces(ref reader));
            },
            signal => handler(signal.Path, signal.Interfaces),
            cancellationToken);

    public ValueTask DisposeAsync()
    {
        _connection.Dispose();
        return ValueTask.CompletedTask;
    }

    private static bool ReadNothing(Message message, object? state) => true;

    private static BlueZObjects ReadObjects(Message message, object? state)
    {
        Reader reader = message.GetBodyReader();
        return BlueZObjects.Read(ref reader);
    }

    private static BlueZProperties ReadProperties(Message message, object? state)
    {
        Reader reader = message.GetBodyReader();
        return BlueZProperties.Read(ref reader);
    }

    /// <summary>The (h, q) reply of AcquireNotify and AcquireWrite; the descriptor arrived with the message (SCM_RIGHTS).</summary>
    private static (Socket Socket, ushort Mtu) ReadSocketAndMtu(Message message, object? state)
    {
        Reader reader = message.GetBodyReader();
        SafeSocketHandle handle = reader.ReadHandle<SafeSocketHandle>();
        ushort mtu = reader.ReadUInt16();
        return (new Socket(handle), mtu);
    }

    private static void WriteNoOptions(ref MessageWriter writer) => writer.WriteDictionary(new Dictionary<string, VariantValue>());

    private MessageBuffer CreateCall(string path, string interfaceName, string member, string? signature, BodyWriter? body)
    {
        MessageWriter writer = _connection.GetMessageWriter();
        try
        {
            writer.WriteMethodCallHeader(BlueZNames.Service, path, interfaceName, member, signature);
            body?.Invoke(ref writer);
            return writer.CreateMessage();
        }
        finally
        {
            writer.Dispose();
        }
    }

    private async Task<T> CallAsync<T>(string path, string interfaceName, string member, MessageValueReader<T> reader, CancellationToken cancellationToken, string? signature = null, BodyWriter? body = null, TimeSpan? timeout = null)
    {
        TimeSpan limit = timeout ?? DefaultCallTimeout;
        try
        {
            return await _connection.CallMethodAsync(CreateCall(path, interfaceName, member, signature, body), reader).WaitAsync(limit, _timeProvider, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"no reply to {interfaceName}.{member} on {BlueZNames.Service} within {limit}");
        }
        catch (DBusErrorReplyException e) when (e.ErrorName is "org.freedesktop.DBus.Error.ServiceUnknown" or "org.freedesktop.DBus.Error.NameHasNoOwner")
        {
            throw BleException.NoBlueZ(e);
        }
        catch (DBusErrorReplyException e) when (e.ErrorName is "org.freedesktop.DBus.Error.AccessDenied")
        {
            throw BleException.PermissionDenied(e);
        }
    }

    /// <summary>Asks the bus for the signals of <paramref name="rule"/>; the handler runs on the connection's reader, in order.</summary>
    private async Task<IDisposable> SubscribeAsync<T>(MatchRule rule, MessageValueReader<T> reader, Action<T> handler, CancellationToken cancellationToken) =>
        await _connection.AddMatchAsync(
            rule,
            reader,
            (Notification<T> signal) =>
            {
                if (signal.HasValue)
                {
                    handler(signal.Value);
                }
            },
            emitOnCapturedContext: false).AsTask().WaitAsync(cancellationToken);
}
