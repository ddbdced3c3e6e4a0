using System.Buffers.Binary;
using System.Text;

namespace PostureStream.Devices.DBus;

/// <summary>
/// Unmarshals values by signature in either byte order, checking alignment padding, lengths and
/// terminators. Positions (and so alignment) count from the start of the data it is given, which
/// must be 8-aligned within its message. Values come back as: y byte, b bool, n short, q ushort,
/// i int, u uint, x long, t ulong, d double, s string, o <see cref="DBusObjectPath"/>,
/// g <see cref="DBusSignature"/>, h <see cref="DBusUnixFd"/>, v <see cref="DBusVariant"/>,
/// ay byte[], a{..} Dictionary&lt;object, object&gt;, other arrays and structs object[].
/// </summary>
public sealed class DBusReader
{
    private const int MaxDepth = 64;
    private readonly ReadOnlyMemory<byte> _data;
    private readonly bool _bigEndian;
    private readonly IReadOnlyList<int> _fds;
    private int _depth;

    public DBusReader(ReadOnlyMemory<byte> data, bool bigEndian, IReadOnlyList<int>? unixFds = null)
    {
        _data = data;
        _bigEndian = bigEndian;
        _fds = unixFds ?? [];
    }

    public int Position { get; private set; }

    public int Remaining => _data.Length - Position;

    public void Align(int alignment)
    {
        int padding = (alignment - (Position % alignment)) % alignment;
        ReadOnlySpan<byte> pad = Take(padding);
        if (pad.ContainsAnyExcept((byte)0))
        {
            throw new DBusProtocolException($"non-zero alignment padding at offset {Position - padding}");
        }
    }

    public byte ReadByte() => Take(1)[0];

    public bool ReadBoolean() => ReadUInt32() switch
    {
        0 => false,
        1 => true,
        uint other => throw new DBusProtocolException($"boolean value {other} is neither 0 nor 1"),
    };

    public short ReadInt16()
    {
        Align(2);
        ReadOnlySpan<byte> b = Take(2);
        return _bigEndian ? BinaryPrimitives.ReadInt16BigEndian(b) : BinaryPrimitives.ReadInt16LittleEndian(b);
    }

    public ushort ReadUInt16()
    {
        Align(2);
        ReadOnlySpan<byte> b = Take(2);
        return _bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b);
    }

    public int ReadInt32()
    {
        Align(4);
        ReadOnlySpan<byte> b = Take(4);
        return _bigEndian ? BinaryPrimitives.ReadInt32BigEndian(b) : BinaryPrimitives.ReadInt32LittleEndian(b);
    }

    public uint ReadUInt32()
    {
        Align(4);
        ReadOnlySpan<byte> b = Take(4);
        return _bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(b) : BinaryPrimitives.ReadUInt32LittleEndian(b);
    }

    public long ReadInt64()
    {
        Align(8);
        ReadOnlySpan<byte> b = Take(8);
        return _bigEndian ? BinaryPrimitives.ReadInt64BigEndian(b) : BinaryPrimitives.ReadInt64LittleEndian(b);
    }

    public ulong ReadUInt64()
    {
        Align(8);
        ReadOnlySpan<byte> b = Take(8);
        return _bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(b) : BinaryPrimitives.ReadUInt64LittleEndian(b);
    }

    public double ReadDouble()
    {
        Align(8);
        ReadOnlySpan<byte> b = Take(8);
        return _bigEndian ? BinaryPrimitives.ReadDoubleBigEndian(b) : BinaryPrimitives.ReadDoubleLittleEndian(b);
    }

    public string ReadString()
    {
        uint length = ReadUInt32();
        if (length > Remaining - 1)
        {
            throw new DBusProtocolException($"string of {length} bytes runs past the end of the data");
        }

        return Terminated((int)length);
    }

    public DBusObjectPath ReadObjectPath() => new(ReadString());

    public DBusSignature ReadSignature() => new(Terminated(ReadByte()));

    public DBusUnixFd ReadUnixFd()
    {
        uint index = ReadUInt32();
        if (index >= _fds.Count)
        {
            throw new DBusProtocolException($"unix fd index {index} but the message carries {_fds.Count} descriptors");
        }

        return new DBusUnixFd(_fds[(int)index]);
    }

    public DBusVariant ReadVariant()
    {
        DBusSignature signature = ReadSignature();
        if (DBusSignatures.CompleteTypeLength(signature.Value) != signature.Value.Length)
        {
            throw new DBusProtocolException($"variant signature '{signature}' is not a single complete type");
        }

        return new DBusVariant(signature, ReadValue(signature.Value));
    }

    /// <summary>Reads one value for each complete type of <paramref name="signature"/>.</summary>
    public object[] ReadValues(string signature)
    {
        IReadOnlyList<string> types = DBusSignatures.Split(signature);
        var values = new object[types.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = ReadValue(types[i]);
        }

        return values;
    }

    /// <summary>Reads one value of the single complete type <paramref name="type"/>.</summary>
    public object ReadValue(ReadOnlySpan<char> type)
    {
        if (++_depth > MaxDepth)
        {
            throw new DBusProtocolException("values nested too deeply");
        }

        try
        {
            return type[0] switch
            {
                'y' => ReadByte(),
                'b' => ReadBoolean(),
                'n' => ReadInt16(),
                'q' => ReadUInt16(),
                'i' => ReadInt32(),
                'u' => ReadUInt32(),
                'x' => ReadInt64(),
                't' => ReadUInt64(),
                'd' => ReadDouble(),
                's' => ReadString(),
                'o' => ReadObjectPath(),
                'g' => ReadSignature(),
                'h' => ReadUnixFd(),
                'v' => ReadVariant(),
                'a' => ReadArray(type[1..]),
                '(' => ReadStruct(type[1..^1]),
                _ => throw new DBusProtocolException($"cannot read type '{type}'"),
            };
        }
        finally
        {
            _depth--;
        }
    }

    private object ReadArray(ReadOnlySpan<char> elementType)
    {
        uint length = ReadUInt32();
        if (length > DBusWriter.MaxArrayLength)
        {
            throw new DBusProtocolException($"array length {length} exceeds the D-Bus limit");
        }

        Align(DBusSignatures.AlignmentOf(elementType[0]));
        if (length > Remaining)
        {
            throw new DBusProtocolException($"array of {length} bytes runs past the end of the data");
        }

        int end = Position + (int)length;
        if (elementType[0] == 'y')
        {
            return Take((int)length).ToArray();
        }

        if (elementType[0] == '{')
        {
            ReadOnlySpan<char> inner = elementType[1..^1];
            int keyLength = DBusSignatures.CompleteTypeLength(inner);
            var dictionary = new Dictionary<object, object>();
            while (Position < end)
            {
                Align(8);
                object key = ReadValue(inner[..keyLength]);
                dictionary[key] = ReadValue(inner[keyLength..]);
            }

            CheckEnd(end);
            return dictionary;
        }

        var elements = new List<object>();
        while (Position < end)
        {
            elements.Add(ReadValue(elementType));
        }

        CheckEnd(end);
        return elements.ToArray();
    }

    private void CheckEnd(int end)
    {
        if (Position != end)
        {
            throw new DBusProtocolException("array elements overran the array's length");
        }
    }

    private object[] ReadStruct(ReadOnlySpan<char> fieldTypes)
    {
        Align(8);
        var fields = new List<object>();
        while (!fieldTypes.IsEmpty)
        {
            int length = DBusSignatures.CompleteTypeLength(fieldTypes);
            fields.Add(ReadValue(fieldTypes[..length]));
            fieldTypes = fieldTypes[length..];
        }

        return fields.ToArray();
    }

    private string Terminated(int length)
    {
        ReadOnlySpan<byte> bytes = Take(length + 1);
        if (bytes[length] != 0 || bytes[..length].Contains((byte)0))
        {
            throw new DBusProtocolException("string is not terminated by a single NUL");
        }

        return Encoding.UTF8.GetString(bytes[..length]);
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > Remaining)
        {
            throw new DBusProtocolException($"needed {count} bytes at offset {Position} but only {Remaining} remain");
        }

        ReadOnlySpan<byte> span = _data.Span.Slice(Position, count);
        Position += count;
        return span;
    }
}
