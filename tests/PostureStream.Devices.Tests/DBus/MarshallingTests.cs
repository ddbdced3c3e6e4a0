using PostureStream.Devices.DBus;
using static PostureStream.Devices.Tests.DBus.WireBytes;

namespace PostureStream.Devices.Tests.DBus;

/// <summary>
/// Byte vectors worked out by hand from the D-Bus specification's marshalling rules: each value is
/// aligned to its own size from the start of the message, arrays carry a u32 byte length that excludes
/// the padding before the first element, structs and dict entries align to 8, variants carry their
/// signature.
/// </summary>
public sealed class MarshallingTests
{
    private static byte[] Write(string signature, params object[] values)
    {
        var writer = new DBusWriter();
        writer.WriteValues(signature, values);
        return writer.ToArray();
    }

    private static object[] Read(string signature, byte[] bytes, bool bigEndian = false)
    {
        var reader = new DBusReader(bytes, bigEndian);
        object[] values = reader.ReadValues(signature);
        Assert.Equal(0, reader.Remaining);
        return values;
    }

    [Fact]
    public void Uint32_IsWrittenLittleEndian_AndReadInBothOrders()
    {
        Assert.Equal(Of(0x78, 0x56, 0x34, 0x12), Write("u", 0x12345678u));
        Assert.Equal(0x12345678u, Read("u", Of(0x78, 0x56, 0x34, 0x12))[0]);
        Assert.Equal(0x12345678u, Read("u", Of(0x12, 0x34, 0x56, 0x78), bigEndian: true)[0]);
    }

    [Fact]
    public void EveryFixedType_RoundTripsThroughBigEndianBytes()
    {
        byte[] bigEndian = Of(
            0x7f, Pad(1), 0xff, 0xfe,               // y 127, n -2 (aligned to 2)
            0x12, 0x34, Pad(2),                     // q 0x1234, pad to 4
            0x00, 0x00, 0x00, 0x01,                 // b true
            0xff, 0xff, 0xff, 0xfd,                 // i -3
            0xde, 0xad, 0xbe, 0xef,                 // u, ends at 20
            Pad(4),                                 // x aligns to 24
            0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfc, // x -4
            0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, // t
            0x3f, 0xf0, 0, 0, 0, 0, 0, 0);          // d 1.0

        object[] values = Read("ynqbiuxtd", bigEndian, bigEndian: true);

        Assert.Equal(new object[] { (byte)127, (short)-2, (ushort)0x1234, true, -3, 0xdeadbeefu, -4L, 0x0102030405060708UL, 1.0 }, values);
        Assert.Equal(values, Read("ynqbiuxtd", Write("ynqbiuxtd", values)));
    }

    [Fact]
    public void ByteThenUint32_PadsThreeBytes()
    {
        byte[] expected = Of(0x01, Pad(3), 0x02, 0, 0, 0);
        Assert.Equal(expected, Write("yu", (byte)1, 2u));
        Assert.Equal(new object[] { (byte)1, 2u }, Read("yu", expected));
    }

    [Fact]
    public void ByteThenUint64_PadsSevenBytes()
    {
        byte[] expected = Of(0x01, Pad(7), 0x05, 0, 0, 0, 0, 0, 0, 0);
        Assert.Equal(expected, Write("yt", (byte)1, 5UL));
    }

    [Fact]
    public void StringObjectPathAndSignature_AreLengthPrefixedAndNulTerminated()
    {
        byte[] expected = Of(
            3, 0, 0, 0, "foo", 0,          // s: u32 length, bytes, NUL
            2, 0, 0, 0, "/a", 0,           // o: same as s (at 8, aligned)
            2, "ai", 0);                   // g: u8 length, bytes, NUL
        Assert.Equal(expected, Write("sog", "foo", new DBusObjectPath("/a"), new DBusSignature("ai")));
        Assert.Equal(new object[] { "foo", new DBusObjectPath("/a"), new DBusSignature("ai") }, Read("sog", expected));
    }

    [Fact]
    public void StringInBigEndian_ReadsItsLengthBigEndian()
    {
        Assert.Equal("hi", Read("s", Of(0, 0, 0, 2, "hi", 0), bigEndian: true)[0]);
    }

    [Fact]
    public void ArrayOfInt64_LengthExcludesPaddingBeforeFirstElement()
    {
        // The specification's own example: a single INT64 at position 0 has length 8, not 12.
        byte[] expected = Of(8, 0, 0, 0, Pad(4), 5, 0, 0, 0, 0, 0, 0, 0);
        Assert.Equal(expected, Write("ax", new[] { 5L }));
        Assert.Equal(new object[] { 5L }, (object[])Read("ax", expected)[0]);
    }

    [Fact]
    public void EmptyArrayOfInt64_StillPadsToItsElementAlignment()
    {
        byte[] expected = Of(0, 0, 0, 0, Pad(4));
        Assert.Equal(expected, Write("ax", Array.Empty<long>()));
        Assert.Empty((object[])Read("ax", expected)[0]);
    }

    [Fact]
    public void EmptyArrayOfStructs_AfterAByte_PadsBothTheLengthAndTheElements()
    {
        byte[] expected = Of(9, Pad(3), 0, 0, 0, 0);
        Assert.Equal(expected, Write("ya(yy)", (byte)9, Array.Empty<object[]>()));
        object[] values = Read("ya(yy)", expected);
        Assert.Empty((object[])values[1]);
    }

    [Fact]
    public void ByteArray_IsItsBytes()
    {
        byte[] expected = Of(3, 0, 0, 0, 0xaa, 0xbb, 0xcc);
        Assert.Equal(expected, Write("ay", new byte[] { 0xaa, 0xbb, 0xcc }));
        Assert.Equal(new byte[] { 0xaa, 0xbb, 0xcc }, Read("ay", expected)[0]);
    }

    [Fact]
    public void DictOfStringToVariant_AlignsEachEntryTo8()
    {
        byte[] expected = Of(
            20, 0, 0, 0, Pad(4),                 // array length 20, pad to the 8-aligned entry
            7, 0, 0, 0, "Powered", 0,            // key at 8
            1, "b", 0, Pad(1),                   // variant signature at 20, pad to 24
            1, 0, 0, 0);                         // true
        Assert.Equal(expected, Write("a{sv}", new Dictionary<string, object> { ["Powered"] = true }));

        var read = (Dictionary<object, object>)Read("a{sv}", expected)[0];
        Assert.Equal(new DBusVariant(new DBusSignature("b"), true), read["Powered"]);
    }

    [Fact]
    public void NestedDictsOfVariants_AsInGetManagedObjects()
    {
        byte[] expected = Of(
            46, 0, 0, 0, Pad(4),                          // outer a{sa{sv}} length 46, entries from 8
            17, 0, 0, 0, "org.bluez.Device1", 0,          // key 8..29
            Pad(2),                                       // align the inner array's length to 4 (32)
            14, 0, 0, 0, Pad(4),                          // inner length 14, entries from 40
            4, 0, 0, 0, "RSSI", 0,                        // key 40..48
            1, "n", 0,                                    // variant signature 49..51
            0xc4, 0xff);                                  // int16 -60 at 52
        var value = new Dictionary<string, object>
        {
            ["org.bluez.Device1"] = new Dictionary<string, object> { ["RSSI"] = (short)-60 },
        };
        Assert.Equal(expected, Write("a{sa{sv}}", value));

        var outer = (Dictionary<object, object>)Read("a{sa{sv}}", expected)[0];
        var inner = (Dictionary<object, object>)outer["org.bluez.Device1"];
        Assert.Equal((short)-60, ((DBusVariant)inner["RSSI"]).Value);
    }

    [Fact]
    public void NestedDictsOfVariants_ReadFromBigEndian()
    {
        byte[] bigEndian = Of(
            0, 0, 0, 46, Pad(4),
            0, 0, 0, 17, "org.bluez.Device1", 0,
            Pad(2),
            0, 0, 0, 14, Pad(4),
            0, 0, 0, 4, "RSSI", 0,
            1, "n", 0,
            0xff, 0xc4);
        var outer = (Dictionary<object, object>)Read("a{sa{sv}}", bigEndian, bigEndian: true)[0];
        var inner = (Dictionary<object, object>)outer["org.bluez.Device1"];
        Assert.Equal((short)-60, ((DBusVariant)inner["RSSI"]).Value);
    }

    [Fact]
    public void StructOfByteAndVariant_IsAHeaderField()
    {
        byte[] expected = Of(1, 1, "o", 0, 1, 0, 0, 0, "/", 0);
        object field = new object[] { (byte)1, new DBusVariant(new DBusSignature("o"), new DBusObjectPath("/")) };
        Assert.Equal(expected, Write("(yv)", field));
        var fields = (object[])Read("(yv)", expected)[0];
        Assert.Equal((byte)1, fields[0]);
        Assert.Equal(new DBusObjectPath("/"), ((DBusVariant)fields[1]).Value);
    }

    [Fact]
    public void VariantHoldingAnArrayOfStrings_RoundTrips()
    {
        byte[] expected = Of(2, "as", 0, 14, 0, 0, 0, 1, 0, 0, 0, "a", 0, Pad(2), 1, 0, 0, 0, "b", 0);
        Assert.Equal(expected, Write("v", new DBusVariant(new DBusSignature("as"), new[] { "a", "b" })));
        var variant = (DBusVariant)Read("v", expected)[0];
        Assert.Equal(new object[] { "a", "b" }, (object[])variant.Value);
    }

    [Fact]
    public void UnixFd_IsWrittenAsAnIndexIntoTheMessagesDescriptors()
    {
        var writer = new DBusWriter();
        writer.WriteValues("hh", [new DBusUnixFd(40), new DBusUnixFd(41)]);
        Assert.Equal(Of(0, 0, 0, 0, 1, 0, 0, 0), writer.ToArray());
        Assert.Equal(new[] { 40, 41 }, writer.UnixFds);

        var reader = new DBusReader(writer.ToArray(), bigEndian: false, [40, 41]);
        Assert.Equal(new object[] { new DBusUnixFd(40), new DBusUnixFd(41) }, reader.ReadValues("hh"));
    }

    [Theory]
    [InlineData("b", new byte[] { 2, 0, 0, 0 })]                 // a boolean is 0 or 1
    [InlineData("yu", new byte[] { 1, 9, 0, 0, 2, 0, 0, 0 })]    // padding must be zero
    [InlineData("s", new byte[] { 3, 0, 0, 0, 0x61, 0x62 })]     // string runs past the end
    [InlineData("s", new byte[] { 1, 0, 0, 0, 0x61, 0x62 })]     // string not NUL-terminated
    [InlineData("ai", new byte[] { 8, 0, 0, 0, 1, 0, 0, 0 })]    // array longer than the data
    [InlineData("ai", new byte[] { 2, 0, 0, 0, 1, 0, 0, 0 })]    // element overruns the array
    [InlineData("v", new byte[] { 2, 0x61, 0x69, 0 })]           // variant of an incomplete type
    public void MalformedBytes_AreRejected(string signature, byte[] bytes)
    {
        Assert.Throws<DBusProtocolException>(() => new DBusReader(bytes, bigEndian: false).ReadValues(signature));
    }

    [Theory]
    [InlineData("a{sv}as(ii)", 3)]
    [InlineData("a(oa{sa{sv}})", 1)]
    [InlineData("", 0)]
    public void Signatures_SplitIntoCompleteTypes(string signature, int count)
    {
        Assert.Equal(count, DBusSignatures.Split(signature).Count);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("(ii")]
    [InlineData("()")]
    [InlineData("z")]
    public void BrokenSignatures_AreRejected(string signature)
    {
        Assert.Throws<DBusProtocolException>(() => DBusSignatures.Split(signature));
    }
}
