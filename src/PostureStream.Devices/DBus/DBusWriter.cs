using System.Buffers.Binary;
using System.Collections;
using System.Runtime.CompilerServices;
using System.Text;

namespace PostureStream.Devices.DBus;

/// <summary>
/// Marshals values by signature, little-endian, aligning each value relative to the start of what this
/// writer holds (a message, or a body: both start 8-aligned in a message). Descriptors of 'h' values are
/// collected in <see cref="UnixFds"/> and written as their index.
/// </summary>
public sealed class DBusWriter
{
    /// <summary>The D-Bus limit on one array's length in bytes (64 MiB).</summary>
    public const int MaxArrayLength = 1 << 26;

    private byte[] _buffer = new byte[256];
    private readonly List<int> _fds;

    public DBusWriter()
        : this([])
    {
    }

    /// <summary>A writer that appends descriptors to <paramref name="fds"/> (shared with a body writer).</summary>
    public DBusWriter(List<int> fds) => _fds = fds;

    public int Length { get; private set; }

    public IReadOnlyList<int> UnixFds => _fds;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, Length);

    public byte[] ToArray() => WrittenSpan.ToArray();

    public void Align(int alignment)
    {
        int padding = (alignment - (Length % alignment)) % alignment;
        Span<byte> pad = Reserve(padding);
        pad.Clear();
    }

    public void WriteByte(byte value) => Reserve(1)[0] = value;

    public void WriteBoolean(bool value) => WriteUInt32(value ? 1u : 0u);

    public void WriteInt16(short value)
    {
        Align(2);
        BinaryPrimitives.WriteInt16LittleEndian(Reserve(2), value);
    }

    public void WriteUInt16(ushort value)
    {
        Align(2);
        BinaryPrimitives.WriteUInt16LittleEndian(Reserve(2), value);
    }

    public void WriteInt32(int value)
    {
        Align(4);
        BinaryPrimitives.WriteInt32LittleEndian(Reserve(4), value);
    }

    public void WriteUInt32(uint value)
    {
        Align(4);
        BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), value);
    }

    public void WriteInt64(long value)
    {
        Align(8);
        BinaryPrimitives.WriteInt64LittleEndian(Reserve(8), value);
    }

    public void WriteUInt64(ulong value)
    {
        Align(8);
        BinaryPrimitives.WriteUInt64LittleEndian(Reserve(8), value);
    }

    public void WriteDouble(double value)
    {
        Align(8);
        BinaryPrimitives.WriteDoubleLittleEndian(Reserve(8), value);
    }

    public void WriteString(string value)
    {
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new DBusProtocolException("D-Bus strings cannot contain NUL");
        }

        int length = Encoding.UTF8.GetByteCount(value);
        WriteUInt32((uint)length);
        Span<byte> bytes = Reserve(length + 1);
        Encoding.UTF8.GetBytes(value, bytes);
        bytes[length] = 0;
    }

    public void WriteObjectPath(DBusObjectPath value) => WriteString(value.Value);

    public void WriteSignature(DBusSignature value)
    {
        int length = Encoding.ASCII.GetByteCount(value.Value);
        if (length > DBusSignatures.MaxLength)
        {
            throw new DBusProtocolException($"signature longer than {DBusSignatures.MaxLength}");
        }

        WriteByte((byte)length);
        Span<byte> bytes = Reserve(length + 1);
        Encoding.ASCII.GetBytes(value.Value, bytes);
        bytes[length] = 0;
    }

    public void WriteUnixFd(DBusUnixFd value)
    {
        WriteUInt32((uint)_fds.Count);
        _fds.Add(value.Fd);
    }

    public void WriteVariant(DBusVariant variant)
    {
        WriteSignature(variant.Signature);
        WriteValue(variant.Signature.Value, variant.Value);
    }

    /// <summary>Writes each value against the complete types of <paramref name="signature"/> in turn.</summary>
    public void WriteValues(string signature, IReadOnlyList<object> values)
    {
        IReadOnlyList<string> types = DBusSignatures.Split(signature);
        if (types.Count != values.Count)
        {
            throw new DBusProtocolException($"signature '{signature}' has {types.Count} types but {values.Count} values were given");
        }

        for (int i = 0; i < types.Count; i++)
        {
            WriteValue(types[i], values[i]);
        }
    }

    /// <summary>Writes one value of the single complete type <paramref name="type"/>.</summary>
    public void WriteValue(ReadOnlySpan<char> type, object value)
    {
        switch (type[0])
        {
            case 'y': WriteByte(Convert.ToByte(value, null)); break;
            case 'b': WriteBoolean((bool)value); break;
            case 'n': WriteInt16(Convert.ToInt16(value, null)); break;
            case 'q': WriteUInt16(Convert.ToUInt16(value, null)); break;
            case 'i': WriteInt32(Convert.ToInt32(value, null)); break;
            case 'u': WriteUInt32(Convert.ToUInt32(value, null)); break;
            case 'x': WriteInt64(Convert.ToInt64(value, null)); break;
            case 't': WriteUInt64(Convert.ToUInt64(value, null)); break;
            case 'd': WriteDouble(Convert.ToDouble(value, null)); break;
            case 's': WriteString((string)value); break;
            case 'o': WriteObjectPath(value is string path ? new DBusObjectPath(path) : (DBusObjectPath)value); break;
            case 'g': WriteSignature(value is string sig ? new DBusSignature(sig) : (DBusSignature)value); break;
            case 'h': WriteUnixFd((DBusUnixFd)value); break;
            case 'v': WriteVariant(value as DBusVariant ?? DBusVariant.Of(value)); break;
            case 'a': WriteArray(type[1..], value); break;
            case '(': WriteStruct(type[1..^1], value); break;
            default: throw new DBusProtocolException($"cannot write type '{type}'");
        }
    }

    private void WriteArray(ReadOnlySpan<char> elementType, object value)
    {
        Align(4);
        int lengthAt = Length;
        Reserve(4);
        // Padding to the first element is written even for an empty array and is not counted in its length.
        Align(DBusSignatures.AlignmentOf(elementType[0]));
        int start = Length;
        if (elementType[0] == 'y' && value is byte[] bytes)
        {
            bytes.CopyTo(Reserve(bytes.Length));
        }
        else if (elementType[0] == '{')
        {
            ReadOnlySpan<char> inner = elementType[1..^1];
            int keyLength = DBusSignatures.CompleteTypeLength(inner);
            foreach ((object key, object entry) in Entries(value))
            {
                Align(8);
                WriteValue(inner[..keyLength], key);
                WriteValue(inner[keyLength..], entry);
            }
        }
        else
        {
            foreach (object element in (IEnumerable)value)
            {
                WriteValue(elementType, element);
            }
        }

        int length = Length - start;
        if (length > MaxArrayLength)
        {
            throw new DBusProtocolException($"array of {length} bytes exceeds the D-Bus limit of {MaxArrayLength}");
        }

        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(lengthAt), (uint)length);
    }

    private static IEnumerable<(object Key, object Value)> Entries(object value)
    {
        if (value is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                yield return (entry.Key, entry.Value!);
            }

            yield break;
        }

        foreach (object item in (IEnumerable)value)
        {
            if (item is ITuple { Length: 2 } pair)
            {
                yield return (pair[0]!, pair[1]!);
            }
            else
            {
                // KeyValuePair<,> of any type arguments.
                Type type = item.GetType();
                yield return (type.GetProperty("Key")!.GetValue(item)!, type.GetProperty("Value")!.GetValue(item)!);
            }
        }
    }

    private void WriteStruct(ReadOnlySpan<char> fieldTypes, object value)
    {
        Align(8);
        IReadOnlyList<object?> fields = value switch
        {
            object[] array => array,
            ITuple tuple => Enumerable.Range(0, tuple.Length).Select(i => tuple[i]).ToArray(),
            _ => throw new DBusProtocolException($"a struct is written from object[] or a tuple, not {value.GetType().Name}"),
        };
        int field = 0;
        while (!fieldTypes.IsEmpty)
        {
            int length = DBusSignatures.CompleteTypeLength(fieldTypes);
            if (field >= fields.Count)
            {
                throw new DBusProtocolException("a struct value has fewer fields than its signature");
            }

            WriteValue(fieldTypes[..length], fields[field++]!);
            fieldTypes = fieldTypes[length..];
        }

        if (field != fields.Count)
        {
            throw new DBusProtocolException("a struct value has more fields than its signature");
        }
    }

    private Span<byte> Reserve(int count)
    {
        if (Length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + count));
        }

        Span<byte> span = _buffer.AsSpan(Length, count);
        Length += count;
        return span;
    }
}
