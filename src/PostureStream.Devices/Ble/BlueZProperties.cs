using PostureStream.Devices.DBus;

namespace PostureStream.Devices.Ble;

/// <summary>The properties of one interface of one object, with variants unwrapped.</summary>
public sealed class BlueZProperties
{
    private readonly Dictionary<string, object> _values;

    public BlueZProperties(IReadOnlyDictionary<string, object> values) => _values = new Dictionary<string, object>(values, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, object> Values => _values;

    /// <summary>Properties from an a{sv} as the reader returns it.</summary>
    public static BlueZProperties FromWire(object dictionary)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach ((object key, object value) in (Dictionary<object, object>)dictionary)
        {
            values[(string)key] = value is DBusVariant v ? v.Value : value;
        }

        return new BlueZProperties(values);
    }

    public string? GetString(string name) => Find(name) as string;

    public bool GetBoolean(string name) => Find(name) is true;

    public short? GetInt16(string name) => Find(name) is short value ? value : null;

    public ushort? GetUInt16(string name) => Find(name) is ushort value ? value : null;

    public DBusObjectPath? GetObjectPath(string name) => Find(name) is DBusObjectPath value ? value : null;

    public byte[]? GetBytes(string name) => Find(name) as byte[];

    public IReadOnlyList<string> GetStrings(string name) => Find(name) switch
    {
        object[] items => items.OfType<string>().ToArray(), // string[] too, by array covariance
        _ => [],
    };

    private object? Find(string name) => _values.TryGetValue(name, out object? value) ? value : null;

    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>These properties updated with a PropertiesChanged set.</summary>
    public BlueZProperties With(BlueZProperties changed, IEnumerable<string> invalidated)
    {
        var values = new Dictionary<string, object>(_values, StringComparer.Ordinal);
        foreach (string name in invalidated)
        {
            values.Remove(name);
        }

        foreach ((string name, object value) in changed._values)
        {
            values[name] = value;
        }

        return new BlueZProperties(values);
    }
}
