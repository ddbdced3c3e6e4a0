using PostureStream.Devices.DBus;

namespace PostureStream.Devices.Ble;

/// <summary>A snapshot of BlueZ's objects (GetManagedObjects): path → interface → properties.</summary>
public sealed class BlueZObjects(IReadOnlyDictionary<DBusObjectPath, IReadOnlyDictionary<string, BlueZProperties>> objects)
{
    public IReadOnlyDictionary<DBusObjectPath, IReadOnlyDictionary<string, BlueZProperties>> Objects => objects;

    /// <summary>Parses the a{oa{sa{sv}}} reply of GetManagedObjects.</summary>
    public static BlueZObjects FromWire(object managedObjects)
    {
        var result = new Dictionary<DBusObjectPath, IReadOnlyDictionary<string, BlueZProperties>>();
        foreach ((object path, object interfaces) in (Dictionary<object, object>)managedObjects)
        {
            result[(DBusObjectPath)path] = ParseInterfaces(interfaces);
        }

        return new BlueZObjects(result);
    }

    /// <summary>Parses an a{sa{sv}} (also the second argument of InterfacesAdded).</summary>
    public static IReadOnlyDictionary<string, BlueZProperties> ParseInterfaces(object interfaces)
    {
        var byInterface = new Dictionary<string, BlueZProperties>(StringComparer.Ordinal);
        foreach ((object name, object properties) in (Dictionary<object, object>)interfaces)
        {
            byInterface[(string)name] = BlueZProperties.FromWire(properties);
        }

        return byInterface;
    }

    /// <summary>Objects implementing <paramref name="interfaceName"/>, in path order.</summary>
    public IEnumerable<(DBusObjectPath Path, BlueZProperties Properties)> WithInterface(string interfaceName) =>
        objects.Where(o => o.Value.ContainsKey(interfaceName))
            .OrderBy(o => o.Key.Value, StringComparer.Ordinal)
            .Select(o => (o.Key, o.Value[interfaceName]));

    public BlueZProperties? Get(DBusObjectPath path, string interfaceName) =>
        objects.TryGetValue(path, out IReadOnlyDictionary<string, BlueZProperties>? interfaces) && interfaces.TryGetValue(interfaceName, out BlueZProperties? properties) ? properties : null;

    /// <summary>The device with this Bluetooth address under the adapter, if BlueZ knows it.</summary>
    public DBusObjectPath? FindDevice(DBusObjectPath adapter, string address) =>
        WithInterface(BlueZNames.Device)
            .Where(d => d.Properties.GetObjectPath("Adapter") == adapter && string.Equals(d.Properties.GetString("Address"), address, StringComparison.OrdinalIgnoreCase))
            .Select(d => (DBusObjectPath?)d.Path)
            .FirstOrDefault();

    /// <summary>The characteristic with <paramref name="uuid"/> among the objects below the device.</summary>
    public DBusObjectPath? FindCharacteristic(DBusObjectPath device, string uuid) =>
        WithInterface(BlueZNames.GattCharacteristic)
            .Where(c => c.Path.Value.StartsWith(device.Value + "/", StringComparison.Ordinal) && string.Equals(c.Properties.GetString("UUID"), uuid, StringComparison.OrdinalIgnoreCase))
            .Select(c => (DBusObjectPath?)c.Path)
            .FirstOrDefault();
}
