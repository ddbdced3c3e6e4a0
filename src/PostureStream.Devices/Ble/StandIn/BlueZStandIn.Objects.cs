using Tmds.DBus.Protocol;

namespace PostureStream.Devices.Ble.StandIn;

/// <summary>The stand-in's object tree and the ObjectManager/Properties signals that report changes to it.</summary>
public sealed partial class BlueZStandIn
{
    private static string ServicePath(StandInDevice device) => device.Path + "/service0010";

    private static string RxPath(StandInDevice device) => ServicePath(device) + "/char0011";

    private static string TxPath(StandInDevice device) => ServicePath(device) + "/char0013";

    private void ExportInitialObjects()
    {
        lock (_lock)
        {
            if (_options.HasAdapter)
            {
                Export(AdapterPath, BlueZNames.Adapter, new Dictionary<string, VariantValue>
                {
                    ["Address"] = AdapterAddress,
                    ["AddressType"] = "public",
                    ["Name"] = "standin",
                    ["Alias"] = "standin",
                    ["Class"] = 0x000000u,
                    ["Connectable"] = true,
                    ["Powered"] = _options.Powered,
                    ["PowerState"] = _options.Powered ? "on" : "off",
                    ["Discoverable"] = false,
                    ["DiscoverableTimeout"] = 180u,
                    ["Pairable"] = true,
                    ["PairableTimeout"] = 0u,
                    ["Discovering"] = false,
                    ["UUIDs"] = VariantValue.Array(new[] { "00001800-0000-1000-8000-00805f9b34fb", "00001801-0000-1000-8000-00805f9b34fb" }),
                    ["Modalias"] = "usb:v1D6Bp0246d054F",
                    ["Roles"] = VariantValue.Array(new[] { "central", "peripheral" }),
                });
            }

            foreach (StandInDevice device in _options.Devices.Where(d => d.Known))
            {
                ExportDevice(device, withRssi: false);
            }
        }
    }

    private void ExportDevice(StandInDevice device, bool withRssi)
    {
        var properties = new Dictionary<string, VariantValue>
        {
            ["Address"] = device.Address,
            ["AddressType"] = "random",
            ["Name"] = device.Name,
            ["Alias"] = device.Name,
            ["Paired"] = false,
            ["Bonded"] = false,
            ["Trusted"] = false,
            ["Blocked"] = false,
            ["LegacyPairing"] = false,
            ["Connected"] = false,
            ["ServicesResolved"] = false,
            ["Adapter"] = new ObjectPath(AdapterPath),
            ["UUIDs"] = VariantValue.Array(device.Nus ? new[] { device.Gatt.ServiceUuid } : new[] { "0000180d-0000-1000-8000-00805f9b34fb" }),
        };
        if (withRssi)
        {
            properties["RSSI"] = device.Rssi;
        }

        Export(device.Path, BlueZNames.Device, properties);
    }

    private void ExportGattObjects(StandInDevice device)
    {
        Export(ServicePath(device), BlueZNames.GattService, new Dictionary<string, VariantValue>
        {
            ["UUID"] = device.Gatt.ServiceUuid,
            ["Device"] = new ObjectPath(device.Path),
            ["Primary"] = true,
            ["Includes"] = VariantValue.Array(Array.Empty<ObjectPath>()),
            ["Handle"] = (ushort)0x0010,
        });
        Export(RxPath(device), BlueZNames.GattCharacteristic, new Dictionary<string, VariantValue>
        {
            ["UUID"] = device.Gatt.WriteCharacteristicUuid,
            ["Service"] = new ObjectPath(ServicePath(device)),
            ["Value"] = VariantValue.Array(Array.Empty<byte>()),
            ["WriteAcquired"] = false,
            ["Flags"] = VariantValue.Array(new[] { "write-without-response", "write" }),
            ["Handle"] = (ushort)0x0011,
            ["MTU"] = _options.Mtu,
        });
        Export(TxPath(device), BlueZNames.GattCharacteristic, new Dictionary<string, VariantValue>
        {
            ["UUID"] = device.Gatt.NotifyCharacteristicUuid,
            ["Service"] = new ObjectPath(ServicePath(device)),
            ["Value"] = VariantValue.Array(Array.Empty<byte>()),
            ["NotifyAcquired"] = false,
            ["Notifying"] = false,
            ["Flags"] = VariantValue.Array(new[] { "notify" }),
            ["Handle"] = (ushort)0x0013,
            ["MTU"] = _options.Mtu,
        });
    }

    /// <summary>The a{oa{sa{sv}}} of GetManagedObjects: every object, its interfaces and their properties.</summary>
    private void WriteObjects(ref MessageWriter writer)
    {
        ArrayStart objects = writer.WriteDictionaryStart();
        foreach ((string path, Dictionary<string, Dictionary<string, VariantValue>> interfaces) in _objects)
        {
            writer.WriteDictionaryEntryStart();
            writer.WriteObjectPath(path);
            WriteInterfaces(ref writer, interfaces);
        }

        writer.WriteDictionaryEnd(objects);
    }

    /// <summary>An a{sa{sv}}: interface name → properties.</summary>
    private static void WriteInterfaces(ref MessageWriter writer, Dictionary<string, Dictionary<string, VariantValue>> interfaces)
    {
        ArrayStart start = writer.WriteDictionaryStart();
        foreach ((string name, Dictionary<string, VariantValue> properties) in interfaces)
        {
            writer.WriteDictionaryEntryStart();
            writer.WriteString(name);
            writer.WriteDictionary(properties);
        }

        writer.WriteDictionaryEnd(start);
    }

    /// <summary>Adds an object and announces it with ObjectManager.InterfacesAdded.</summary>
    private void Export(string path, string interfaceName, Dictionary<string, VariantValue> properties)
    {
        var interfaces = new Dictionary<string, Dictionary<string, VariantValue>>(StringComparer.Ordinal) { [interfaceName] = properties };
        _objects[path] = interfaces;
        Emit("/", BlueZNames.ObjectManager, "InterfacesAdded", "oa{sa{sv}}", (ref MessageWriter w) =>
        {
            w.WriteObjectPath(path);
            WriteInterfaces(ref w, interfaces);
        });
    }

    private void Unexport(string path)
    {
        if (_objects.Remove(path, out var interfaces))
        {
            Emit("/", BlueZNames.ObjectManager, "InterfacesRemoved", "oas", (ref MessageWriter w) =>
            {
                w.WriteObjectPath(path);
                w.WriteArray(interfaces.Keys.ToArray());
            });
        }
    }

    /// <summary>Sets a property and announces it with Properties.PropertiesChanged.</summary>
    private void SetProperty(string path, string interfaceName, string name, VariantValue value)
    {
        _objects[path][interfaceName][name] = value;
        Emit(path, BlueZNames.Properties, "PropertiesChanged", "sa{sv}as", (ref MessageWriter w) =>
        {
            w.WriteString(interfaceName);
            w.WriteDictionary(new Dictionary<string, VariantValue> { [name] = value });
            w.WriteArray(Array.Empty<string>());
        });
    }

    private void Emit(string path, string interfaceName, string member, string signature, BodyWriter body)
    {
        MessageWriter writer = _connection.GetMessageWriter();
        try
        {
            writer.WriteSignalHeader(null, path, interfaceName, member, signature);
            body(ref writer);
            _connection.TrySendMessage(writer.CreateMessage());
        }
        finally
        {
            writer.Dispose();
        }
    }

    private Dictionary<string, VariantValue> PropertiesOf(string path, string interfaceName) =>
        _objects.TryGetValue(path, out var interfaces) && interfaces.TryGetValue(interfaceName, out var properties)
            ? properties
            : throw new DBusErrorReplyException("org.freedesktop.DBus.Error.UnknownObject", $"no {interfaceName} at {path}");
}
