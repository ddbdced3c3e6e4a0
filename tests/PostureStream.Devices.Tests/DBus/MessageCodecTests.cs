using PostureStream.Devices.DBus;
using static PostureStream.Devices.Tests.DBus.WireBytes;

namespace PostureStream.Devices.Tests.DBus;

public sealed class MessageCodecTests
{
    /// <summary>
    /// The Hello call every client sends first, worked out by hand: fixed header, then the header
    /// fields PATH, INTERFACE, MEMBER, DESTINATION each 8-aligned, padded to 128 bytes, no body.
    /// </summary>
    private static readonly byte[] HelloBytes = Of(
        "l", 1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 109, 0, 0, 0,
        1, 1, "o", 0, 21, 0, 0, 0, "/org/freedesktop/DBus", 0, Pad(2),      // 16..47
        2, 1, "s", 0, 20, 0, 0, 0, "org.freedesktop.DBus", 0, Pad(3),       // 48..79
        3, 1, "s", 0, 5, 0, 0, 0, "Hello", 0, Pad(2),                       // 80..95
        6, 1, "s", 0, 20, 0, 0, 0, "org.freedesktop.DBus", 0,               // 96..124
        Pad(3));

    /// <summary>A big-endian signal /a x.y.S("hi") with serial 42, as another machine might send it.</summary>
    private static readonly byte[] BigEndianSignalBytes = Of(
        "B", 4, 0, 1, 0, 0, 0, 7, 0, 0, 0, 42, 0, 0, 0, 55,
        1, 1, "o", 0, 0, 0, 0, 2, "/a", 0, Pad(5),          // 16..31
        2, 1, "s", 0, 0, 0, 0, 3, "x.y", 0, Pad(4),         // 32..47
        3, 1, "s", 0, 0, 0, 0, 1, "S", 0, Pad(6),           // 48..63
        8, 1, "g", 0, 1, "s", 0, Pad(1),                    // 64..71
        0, 0, 0, 2, "hi", 0);                               // body

    [Fact]
    public void HelloCall_EncodesToTheBytesFromTheSpecification()
    {
        DBusMessage hello = DBusMessage.MethodCall("org.freedesktop.DBus", new DBusObjectPath("/org/freedesktop/DBus"), "org.freedesktop.DBus", "Hello");
        hello.Serial = 1;

        (byte[] bytes, IReadOnlyList<int> fds) = DBusMessageCodec.Encode(hello);

        Assert.Equal(HelloBytes, bytes);
        Assert.Empty(fds);
    }

    [Fact]
    public void HelloBytes_DecodeToTheHelloCall()
    {
        Assert.Equal(HelloBytes.Length, DBusMessageCodec.MessageLength(HelloBytes));
        DBusMessage message = DBusMessageCodec.Decode(HelloBytes, []);
        Assert.Equal(DBusMessageType.MethodCall, message.Type);
        Assert.Equal(1u, message.Serial);
        Assert.Equal("Hello", message.Member);
        Assert.Equal("org.freedesktop.DBus", message.Destination);
        Assert.Empty(message.Body);
    }

    [Fact]
    public void BigEndianSignal_Decodes()
    {
        Assert.Equal(BigEndianSignalBytes.Length, DBusMessageCodec.MessageLength(BigEndianSignalBytes));
        DBusMessage message = DBusMessageCodec.Decode(BigEndianSignalBytes, []);
        Assert.Equal(DBusMessageType.Signal, message.Type);
        Assert.Equal(42u, message.Serial);
        Assert.Equal(new DBusObjectPath("/a"), message.Path);
        Assert.Equal("x.y", message.Interface);
        Assert.Equal("S", message.Member);
        Assert.Equal("s", message.Signature);
        Assert.Equal(new object[] { "hi" }, message.Body);
    }

    [Fact]
    public void MessageLength_IsZeroUntilTheFixedHeaderIsThere()
    {
        Assert.Equal(0, DBusMessageCodec.MessageLength(HelloBytes.AsSpan(0, 15)));
        Assert.Equal(128, DBusMessageCodec.MessageLength(HelloBytes.AsSpan(0, 16)));
    }

    [Fact]
    public void ReplyWithDescriptorsAndError_RoundTrip()
    {
        DBusMessage call = DBusMessage.MethodCall("org.bluez", new DBusObjectPath("/org/bluez/hci0/dev_AA/service1/char2"), "org.bluez.GattCharacteristic1", "AcquireNotify", "a{sv}", new Dictionary<string, object>());
        call.Serial = 7;
        DBusMessage reply = call.CreateReply("hq", new DBusUnixFd(33), (ushort)247);
        reply.Serial = 8;

        (byte[] bytes, IReadOnlyList<int> fds) = DBusMessageCodec.Encode(reply);
        Assert.Equal(new[] { 33 }, fds);
        Assert.Equal(1, DBusMessageCodec.UnixFdCount(bytes));

        DBusMessage decoded = DBusMessageCodec.Decode(bytes, [99]);
        Assert.Equal(7u, decoded.ReplySerial);
        Assert.Equal(new object[] { new DBusUnixFd(99), (ushort)247 }, decoded.Body);

        DBusMessage error = call.CreateError("org.bluez.Error.NotPermitted", "Notify acquired");
        error.Serial = 9;
        DBusMessage decodedError = DBusMessageCodec.Decode(DBusMessageCodec.Encode(error).Bytes, []);
        Assert.Equal(DBusMessageType.Error, decodedError.Type);
        Assert.Equal("org.bluez.Error.NotPermitted", decodedError.ErrorName);
        Assert.Equal(new object[] { "Notify acquired" }, decodedError.Body);
    }

    [Fact]
    public void UnknownEndiannessMarker_IsRejected()
    {
        byte[] bytes = (byte[])HelloBytes.Clone();
        bytes[0] = (byte)'x';
        Assert.Throws<DBusProtocolException>(() => DBusMessageCodec.MessageLength(bytes));
    }
}
