using Tmds.DBus.Protocol;

namespace PostureStream.Devices.Ble;

/// <summary>A snapshot of BlueZ's objects (GetManagedObjects): path → interface → properties.</summary>
public sealed class BlueZObjects(IReadOnlyDictionary<string, IReadOnlyDictionary<string, BlueZProperties>> objects)
{
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, BlueZProperties>> Objects => objects;

    /// <summary>Reads the a{oa{sa{sv}}} reply of GetManagedObjects.</summary>
    public static BlueZObjects Read(ref Reader reader)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, BlueZProperties>>(StringComparer.Ordinal);
        ArrayEnd end = reader.ReadDictionaryStart();
        while (reader.HasNext(end))
        {
            string path = reader.ReadObjectPathAsString();
            result[path] = ReadInterfaces(ref reader);
        }

        return new BlueZObjects(result);
    }

    /// <summary>Reads an a{sa{sv}} (also the second argument of InterfacesAdded).</summary>
    public static IReadOnlyDictionary<string, BlueZProperties> ReadInterfaces(ref Reader reader)
    {
        var byInterface = new Dictionary<string, BlueZProperties>(StringComparer.Ordinal);
        ArrayEnd end = reader.ReadDictionaryStart();
        while (reader.HasNext(end))
        {
            string name = reader.ReadString();
            byInterface[name] = BlueZProperties.Read(ref reader);
        }

        return byInterface;
    }

    /// <summary>Objects implementing <paramref name="interfaceName"/>, in path order.</summary>
    public IEnumerable<(string Path, BlueZProperties Properties)> WithInterface(string interfaceName) =>
        objects.Where(o => o.Value.ContainsKey(interfaceName))
            .OrderBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => (o.Key, o.Value[interfaceName]));

    public BlueZProperties? Get(string path, string interfaceName) =>
        objects.TryGetValue(path, out IReadOnlyDictionary<string, BlueZProperties>? interfaces) && interfaces.TryGetValue(interfaceName, out BlueZProperties? properties) ? properties : null;

    /// <summary>The device with this Bluetooth address under the adapter, if BlueZ knows it.</summary>
    public string? FindDevice(string adapter, string address) =>
        WithInterface(BlueZNames.Device)
            .Where(d => d.Properties.GetObjectPath("Adapter") == adapter && string.Equals(d.Properties.GetString("Address"), address, StringComparison.OrdinalIgnoreCase))
            .Select(d => d.Path)
            .FirstOrDefault();

    /// <summary>The characteristic with <paramref name="uuid"/> among the objects below the device.</summary>
    public string? FindCharacteristic(string device, string uuid) =>
        WithInterface(BlueZNames.GattCharacteristic)
            .Where(c => c.Path.StartsWith(device + "/", StringComparison.Ordinal) && string.Equals(c.Properties.GetString("UUID"), uuid, StringComparison.OrdinalIgnoreCase))
            .Select(c => c.Path)
            .FirstOrDefault();
}
