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

    [Fact]
    public void Validate_RejectsACapBelowTheFirstDelay()
    {
        var options = new BleLinkOptions { Address = "C0:FF:EE:00:00:01", InitialReconnectDelay = TimeSpan.FromSeconds(5), MaxReconnectDelay = TimeSpan.FromSeconds(1) };
        Assert.Throws<ArgumentException>(options.Validate);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(3, 8)]
    [InlineData(5, 30)]
    [InlineData(1000, 30)]
    public void ReconnectBackoff_DoublesUpToTheCap(int attempt, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), ReconnectBackoff.Delay(attempt, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)));
    }
}
