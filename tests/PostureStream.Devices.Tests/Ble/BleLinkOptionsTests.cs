using PostureStream.Devices.Ble;

namespace PostureStream.Devices.Tests.Ble;

public sealed class BleLinkOptionsTests
{
    [Fact]
    public void FromSource_TakesTheAddress_AndTheAdapterParameter()
    {
        BleLinkOptions options = BleLinkOptions.FromSource("ble:c0:ff:ee:00:00:01?adapter=hci1&name=left");
        Assert.Equal("C0:FF:EE:00:00:01", options.Address);
        Assert.Equal("hci1", options.Adapter);
    }

    [Theory]
    [InlineData("ble:C0:FF:EE")]
    [InlineData("ble:C0-FF-EE-00-00-01")]
    [InlineData("ble:")]
    public void FromSource_WithABadAddress_SaysWhatAnAddressLooksLike(string source)
    {
        var e = Assert.Throws<ArgumentException>(() => BleLinkOptions.FromSource(source));
        Assert.Contains("AA:BB:CC:DD:EE:FF", e.Message, StringComparison.Ordinal);
    }
}
