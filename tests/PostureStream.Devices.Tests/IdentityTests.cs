using PostureStream.Devices.Session;
using PostureStream.Protocol;

namespace PostureStream.Devices.Tests;

public sealed class IdentityTests
{
    [Theory]
    [InlineData("source", "flag", "hello", "source")]
    [InlineData(null, "flag", "hello", "flag")]
    [InlineData(null, null, "hello", "hello")]
    [InlineData(null, null, "", "device-beef")]
    [InlineData(null, "  ", null, "device-beef")]
    public void DisplayName_FollowsTheOrderOfDesign7(string? sourceName, string? deviceName, string? helloName, string expected)
    {
        Assert.Equal(expected, SessionIdentity.DisplayNameFor(sourceName, deviceName, helloName, 0x1234_5678_9abc_beef));
    }

    [Fact]
    public void DeviceId_IsSixteenLowercaseHexDigits()
    {
        var identity = SessionIdentity.FromHello(new HelloMessage(0xAB, 1, 0, 0, 104, SensorMask.Lumbar, "x"), DeviceSessionOptions.Default);

        Assert.Equal("00000000000000ab", identity.DeviceIdHex);
        Assert.Equal(104, identity.SampleRateHz);
        Assert.Equal(SensorMask.Lumbar, identity.Sensors);
    }

    [Fact]
    public void HelloName_LosesEscapeSequencesAndEveryOtherControlCharacter()
    {
        // CSI colour, an OSC window title ended by BEL, CR LF (a forged log line), DEL, and C1 CSI (U+009B).
        string hostile = "\u001b[31mbob\u001b]0;pwned\u0007\r\nfake\u007f\u009b2J";

        var identity = SessionIdentity.FromHello(new HelloMessage(0xAB, 1, 0, 0, 100, SensorMask.Both, hostile), DeviceSessionOptions.Default);

        Assert.Equal("[31mbob]0;pwnedfake2J", identity.DisplayName);
        Assert.Equal(identity.DisplayName, identity.Hello!.Name);
        Assert.DoesNotContain(identity.DisplayName, char.IsControl);
    }

    [Fact]
    public void HelloName_OfOnlyControlCharacters_FallsBackToTheId()
    {
        var identity = SessionIdentity.FromHello(new HelloMessage(0x1234, 1, 0, 0, 100, SensorMask.Both, "\u001b\u001b\u0007"), DeviceSessionOptions.Default);

        Assert.Equal("device-1234", identity.DisplayName);
    }

    [Fact]
    public void Defaults_Are100HzBothSensorsIdZero()
    {
        var identity = SessionIdentity.Defaults(new DeviceSessionOptions { DeviceName = "kitchen" });

        Assert.Equal((0ul, (ushort)100, SensorMask.Both, "kitchen"), (identity.DeviceId, identity.SampleRateHz, identity.Sensors, identity.DisplayName));
        Assert.Equal("device-0000", SessionIdentity.Defaults(DeviceSessionOptions.Default).DisplayName);
    }

    [Fact]
    public void Backoff_DoublesUpToTheCap_AndStartsOverAfterASuccess()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1));

        TimeSpan[] delays = [backoff.Next(), backoff.Next(), backoff.Next(), backoff.Next()];
        backoff.Reset();

        Assert.Equal([250, 500, 1000, 1000], delays.Select(d => d.TotalMilliseconds));
        Assert.Equal(TimeSpan.FromMilliseconds(250), backoff.Next());
    }

    [Fact]
    public void Options_RejectACapBelowTheFirstDelay()
    {
        var options = new DeviceSessionOptions { ReconnectInitialDelay = TimeSpan.FromSeconds(5), ReconnectMaxDelay = TimeSpan.FromSeconds(1) };

        var error = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);

        Assert.Equal(nameof(DeviceSessionOptions.ReconnectMaxDelay), error.ParamName);
    }
}
