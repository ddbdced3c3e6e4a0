using System.Buffers.Binary;

namespace PostureStream.Devices.DBus;

/// <summary>
/// Frames messages: a 12-byte fixed header (endianness, type, flags, version, body length, serial), the
/// header field array a(yv), padding to 8, then the body. Writes little-endian; reads either order.
/// </summary>
public static class DBusMessageCodec
{
    public const int MaxMessageLength = 128 * 1024 * 1024;
    private const int FixedHeaderLength = 16; // includes the header field array's length
    private const byte ProtocolVersion = 1;

    private enum Field : byte
    {
        Path = 1,
        Interface = 2,
        Member = 3,
        ErrorName = 4,
        ReplySerial = 5,
        Destination = 6,
        Sender = 7,
        Signature = 8,
        UnixFds = 9,
    }

    /// <summary>The bytes of <paramref name="message"/>, and the descriptors to pass with them.</summary>
    public static (byte[] Bytes, IReadOnlyList<int> UnixFds) Encode(DBusMessage message)
    {
        var fds = new List<int>();
        var body = new DBusWriter(fds);
        body.WriteValues(message.Signature, message.Body);

        var header = new DBusWriter();
        header.WriteByte((byte)'l');
        header.WriteByte((byte)message.Type);
        header.WriteByte((byte)message.Flags);
        header.WriteByte(ProtocolVersion);
        header.WriteUInt32((uint)body.Length);
        header.WriteUInt32(message.Serial);
        header.WriteValue("a(yv)", HeaderFields(message, fds.Count));
        header.Align(8);

        byte[] bytes = new byte[header.Length + body.Length];
        header.WrittenSpan.CopyTo(bytes);
        body.WrittenSpan.CopyTo(bytes.AsSpan(header.Length));
        return (bytes, fds);
    }

    private static List<object> HeaderFields(DBusMessage message, int fdCount)
    {
        var fields = new List<object>();
        void Add(Field code, object? value)
        {
            if (value is not null)
            {
                fields.Add(new object[] { (byte)code, DBusVariant.Of(value) });
            }
        }

        Add(Field.Path, message.Path);
        Add(Field.Interface, message.Interface);
        Add(Field.Member, message.Member);
        Add(Field.ErrorName, message.ErrorName);
        Add(Field.ReplySerial, message.ReplySerial);
        Add(Field.Destination, message.Destination);
        Add(Field.Sender, message.Sender);
        Add(Field.Signature, message.Signature.Length > 0 ? new DBusSignature(message.Signature) : null);
        Add(Field.UnixFds, fdCount > 0 ? (uint)fdCount : null);
        return fields;
    }

    /// <summary>
    /// The total length of the message at the start of <paramref name="buffer"/>, or 0 when fewer than
    /// 16 bytes are there to tell. Throws for a header no valid message has.
    /// </summary>
    public static int MessageLength(ReadOnlySpan<byte> buffer)
    {
        if (buffer.Length < FixedHeaderLength)
        {
            return 0;
        }

        bool bigEndian = buffer[0] switch
        {
            (byte)'l' => false,
            (byte)'B' => true,
            _ => throw new DBusProtocolException($"unknown endianness marker 0x{buffer[0]:x2}"),
        };
        uint bodyLength = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(buffer[4..]) : BinaryPrimitives.ReadUInt32LittleEndian(buffer[4..]);
        uint fieldsLength = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(buffer[12..]) : BinaryPrimitives.ReadUInt32LittleEndian(buffer[12..]);
        long headerLength = (FixedHeaderLength + (long)fieldsLength + 7) & ~7L;
        long total = headerLength + bodyLength;
        if (total > MaxMessageLength)
        {
            throw new DBusProtocolException($"message of {total} bytes exceeds the D-Bus limit");
        }

        return (int)total;
    }

    /// <summary>How many descriptors the message at the start of <paramref name="message"/> says it carries.</summary>
    public static int UnixFdCount(ReadOnlyMemory<byte> message) => (int)ReadHeader(message, []).FdCount;

    /// <summary>Decodes one whole message (exactly <see cref="MessageLength"/> bytes).</summary>
    public static DBusMessage Decode(ReadOnlyMemory<byte> message, IReadOnlyList<int> unixFds)
    {
        Header h = ReadHeader(message, unixFds);
        var body = new DBusReader(message[h.BodyStart..], h.BigEndian, unixFds);
        object[] values = body.ReadValues(h.Signature);
        if (body.Remaining != 0)
        {
            throw new DBusProtocolException($"{body.Remaining} bytes after the body values of signature '{h.Signature}'");
        }

        return new DBusMessage
        {
            Type = h.Type,
            Flags = h.Flags,
            Serial = h.Serial,
            Path = h.Path,
            Interface = h.Interface,
            Member = h.Member,
            ErrorName = h.ErrorName,
            ReplySerial = h.ReplySerial,
            Destination = h.Destination,
            Sender = h.Sender,
            Signature = h.Signature,
            Body = values,
            UnixFds = unixFds,
        };
    }

    private sealed record Header(bool BigEndian, DBusMessageType Type, DBusMessageFlags Flags, uint Serial, int BodyStart)
    {
        public DBusObjectPath? Path { get; set; }
        public string? Interface { get; set; }
        public string? Member { get; set; }
        public string? ErrorName { get; set; }
        public uint? ReplySerial { get; set; }
        public string? Destination { get; set; }
        public string? Sender { get; set; }
        public string Signature { get; set; } = "";
        public uint FdCount { get; set; }
    }

    private static Header ReadHeader(ReadOnlyMemory<byte> message, IReadOnlyList<int> unixFds)
    {
        int length = MessageLength(message.Span);
        if (length == 0 || length > message.Length)
        {
            throw new DBusProtocolException("incomplete message");
        }

        bool bigEndian = message.Span[0] == (byte)'B';
        var reader = new DBusReader(message, bigEndian, unixFds);
        reader.ReadByte();
        var type = (DBusMessageType)reader.ReadByte();
        var flags = (DBusMessageFlags)reader.ReadByte();
        byte version = reader.ReadByte();
        if (version != ProtocolVersion)
        {
            throw new DBusProtocolException($"unsupported D-Bus protocol version {version}");
        }

        uint bodyLength = reader.ReadUInt32();
        uint serial = reader.ReadUInt32();
        if (serial == 0)
        {
            throw new DBusProtocolException("message serial 0 is invalid");
        }

        var fields = (object[])reader.ReadValue("a(yv)");
        reader.Align(8);
        var header = new Header(bigEndian, type, flags, serial, reader.Position);
        if (header.BodyStart + bodyLength != length)
        {
            throw new DBusProtocolException("body length disagrees with the message length");
        }

        foreach (object[] field in fields.Cast<object[]>())
        {
            object value = ((DBusVariant)field[1]).Value;
            switch ((Field)(byte)field[0])
            {
                case Field.Path: header.Path = Expect<DBusObjectPath>(value); break;
                case Field.Interface: header.Interface = Expect<string>(value); break;
                case Field.Member: header.Member = Expect<string>(value); break;
                case Field.ErrorName: header.ErrorName = Expect<string>(value); break;
                case Field.ReplySerial: header.ReplySerial = Expect<uint>(value); break;
                case Field.Destination: header.Destination = Expect<string>(value); break;
                case Field.Sender: header.Sender = Expect<string>(value); break;
                case Field.Signature: header.Signature = Expect<DBusSignature>(value).Value; break;
                case Field.UnixFds: header.FdCount = Expect<uint>(value); break;
                default: break; // unknown fields are ignored, as the specification requires
            }
        }

        return header;
    }

    private static T Expect<T>(object value) =>
        value is T typed ? typed : throw new DBusProtocolException($"header field holds a {value.GetType().Name}, expected {typeof(T).Name}");
}
