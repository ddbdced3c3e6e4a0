using Tmds.DBus.Protocol;

namespace PostureStream.Devices.Ble;

/// <summary>The properties of one interface of one object (an a{sv}), read by name and type.</summary>
public sealed class BlueZProperties
{
    private readonly Dictionary<string, VariantValue> _values;

    public BlueZProperties(IReadOnlyDictionary<string, VariantValue> values) => _values = new Dictionary<string, VariantValue>(values, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, VariantValue> Values => _values;

    /// <summary>Reads an a{sv} at the reader's position.</summary>
    public static BlueZProperties Read(ref Reader reader) => new(reader.ReadDictionaryOfStringToVariantValue());

    public string? GetString(string name) => Find(name, VariantValueType.String) is { } value ? value.GetString() : null;

    public bool GetBoolean(string name) => Find(name, VariantValueType.Bool) is { } value && value.GetBool();

    public short? GetInt16(string name) => Find(name, VariantValueType.Int16) is { } value ? value.GetInt16() : null;

    public ushort? GetUInt16(string name) => Find(name, VariantValueType.UInt16) is { } value ? value.GetUInt16() : null;

    public string? GetObjectPath(string name) => Find(name, VariantValueType.ObjectPath) is { } value ? value.GetObjectPathAsString() : null;

    public byte[]? GetBytes(string name) => FindArray(name, VariantValueType.Byte) is { } value ? value.GetArray<byte>() : null;

    public IReadOnlyList<string> GetStrings(string name) => FindArray(name, VariantValueType.String) is { } value ? value.GetArray<string>() : [];

    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>These properties updated with a PropertiesChanged set.</summary>
    public BlueZProperties With(BlueZProperties changed, IEnumerable<string> invalidated)
    {
        var values = new Dictionary<string, VariantValue>(_values, StringComparer.Ordinal);
        foreach (string name in invalidated)
        {
            values.Remove(name);
        }

        foreach ((string name, VariantValue value) in changed._values)
        {
            values[name] = value;
        }

        return new BlueZProperties(values);
    }

    /// <summary>The value of <paramref name="name"/> when it has the expected type; null when absent or of another type.</summary>
    private VariantValue? Find(string name, VariantValueType type) =>
        _values.TryGetValue(name, out VariantValue value) && value.Type == type ? value : (VariantValue?)null;

    private VariantValue? FindArray(string name, VariantValueType itemType) =>
        Find(name, VariantValueType.Array) is { } array && array.ItemType == itemType ? array : (VariantValue?)null;
}
