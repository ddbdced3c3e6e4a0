using PostureStream.Devices.Ble;
using PostureStream.Devices.DBus;

namespace PostureStream.Devices.Tests.Ble;

/// <summary>The stand-in's object tree and the ObjectManager/Properties signals that report changes to it.</summary>
internal sealed partial class BlueZStandIn
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
                Export(AdapterPath, BlueZNames.Adapter, new Dictionary<string, object>
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
                    ["UUIDs"] = new[] { "00001800-0000-1000-8000-00805f9b34fb", "00001801-0000-1000-8000-00805f9b34fb" },
                    ["Modalias"] = "usb:v1D6Bp0246d054F",
                    ["Roles"] = new[] { "central", "peripheral" },
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
        var properties = new Dictionary<string, object>
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
            ["Adapter"] = new DBusObjectPath(AdapterPath),
            ["UUIDs"] = device.Nus ? new[] { NordicUart.ServiceUuid } : new[] { "0000180d-0000-1000-8000-00805f9b34fb" },
        };
        if (withRssi)
        {
            properties["RSSI"] = device.Rssi;
        }

        Export(device.Path, BlueZNames.Device, properties);
    }

    private void ExportGattObjects(StandInDevice device)
    {
        Export(ServicePath(device), BlueZNames.GattService, new Dictionary<string, object>
        {
            ["UUID"] = NordicUart.ServiceUuid,
            ["Device"] = new DBusObjectPath(device.Path),
            ["Primary"] = true,
            ["Includes"] = Array.Empty<DBusObjectPath>(),
            ["Handle"] = (ushort)0x0010,
        });
        Export(RxPath(device), BlueZNames.GattCharacteristic, new Dictionary<string, object>
        {
            ["UUID"] = NordicUart.RxCharacteristicUuid,
            ["Service"] = new DBusObjectPath(ServicePath(device)),
            ["Value"] = Array.Empty<byte>(),
            ["WriteAcquired"] = false,
            ["Flags"] = new[] { "write-without-response", "write" },
            ["Handle"] = (ushort)0x0011,
            ["MTU"] = _options.Mtu,
        });
        Export(TxPath(device), BlueZNames.GattCharacteristic, new Dictionary<string, object>
        {
            ["UUID"] = NordicUart.TxCharacteristicUuid,
            ["Service"] = new DBusObjectPath(ServicePath(device)),
            ["Value"] = Array.Empty<byte>(),
            ["NotifyAcquired"] = false,
            ["Notifying"] = false,
            ["Flags"] = new[] { "notify" },
            ["Handle"] = (ushort)0x0013,
            ["MTU"] = _options.Mtu,
        });
    }

    /// <summary>Adds an object and announces it with ObjectManager.InterfacesAdded.</summary>
    private void Export(string path, string interfaceName, Dictionary<string, object> properties)
    {
        _objects[path] = new Dictionary<string, Dictionary<string, object>>(StringComparer.Ordinal) { [interfaceName] = properties };
        _connection.Send(DBusMessage.Signal(new DBusObjectPath("/"), BlueZNames.ObjectManager, "InterfacesAdded", "oa{sa{sv}}", new DBusObjectPath(path), _objects[path]));
    }

    private void Unexport(string path)
    {
        if (_objects.Remove(path, out var interfaces))
        {
            _connection.Send(DBusMessage.Signal(new DBusObjectPath("/"), BlueZNames.ObjectManager, "InterfacesRemoved", "oas", new DBusObjectPath(path), interfaces.Keys.ToArray()));
        }
    }

    /// <summary>Sets a property and announces it with Properties.PropertiesChanged.</summary>
    private void SetProperty(string path, string interfaceName, string name, object value)
    {
        _objects[path][interfaceName][name] = value;
        _connection.Send(DBusMessage.Signal(new DBusObjectPath(path), BlueZNames.Properties, "PropertiesChanged", "sa{sv}as", interfaceName, new Dictionary<string, object> { [name] = value }, Array.Empty<string>()));
    }

    private Dictionary<string, object> PropertiesOf(string path, string interfaceName) =>
        _objects.TryGetValue(path, out var interfaces) && interfaces.TryGetValue(interfaceName, out var properties)
            ? properties
            : throw new DBusErrorException("org.freedesktop.DBus.Error.UnknownObject", $"no {interfaceName} at {path}");
}
