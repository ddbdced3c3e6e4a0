using PostureStream.Devices.Sources;
using PostureStream.Devices.WitMotion;
using PostureStream.Protocol.WitMotion;

namespace PostureStream.Devices.Tests.WitMotion;

public sealed class WitMotionSourceUriTests
{
    [Fact]
    public void Serial_WithEveryParameter()
    {
        WitMotionSourceSpec spec = WitMotionSourceUri.Parse("witmotion-serial:/dev/rfcomm0?baud=9600&rate=50&quaternion=on&name=lumbar&record=a.pstimed");
        Assert.Equal((WitMotionFraming.Serial, "/dev/rfcomm0", 9600, 50.0, true, "lumbar", "a.pstimed"), (spec.Framing, spec.Target, spec.BaudRate, spec.RateHertz, spec.Quaternion, spec.Name, spec.RecordPath));
        Assert.Equal(
            [WitMotionCommands.Unlock, WitMotionCommands.SetReturnContent(WitMotionContent.Acceleration | WitMotionContent.AngularVelocity | WitMotionContent.Angle | WitMotionContent.Quaternion), WitMotionCommands.SetRate(50), WitMotionCommands.Save],
            WitMotionSources.SetupCommands(spec));
    }

    [Fact]
    public void Serial_Plain_DetectsBaudAndSendsNothing()
    {
        WitMotionSourceSpec spec = WitMotionSourceUri.Parse("witmotion-serial:/dev/ttyUSB0");
        Assert.Null(spec.BaudRate);
        Assert.Empty(WitMotionSources.SetupCommands(spec));
    }

    [Fact]
    public void Ble_TakesAnAddress()
    {
        WitMotionSourceSpec spec = WitMotionSourceUri.Parse("witmotion-ble:e4:5f:01:aa:bb:cc?rate=100&adapter=hci1");
        Assert.Equal((WitMotionFraming.Ble, "E4:5F:01:AA:BB:CC", 100.0, "hci1"), (spec.Framing, spec.Target, spec.RateHertz, spec.Adapter));
    }

    [Theory]
    [InlineData("witmotion-serial:/dev/ttyUSB0?baud=250000", "9600, 19200")]
    [InlineData("witmotion-serial:/dev/ttyUSB0?rate=60", "50, 100")]
    [InlineData("witmotion-serial:/dev/ttyUSB0?speed=max", "baud=")]
    [InlineData("witmotion-ble:AA:BB", "six hex pairs")]
    [InlineData("witmotion-ble:AA:BB:CC:DD:EE:FF?baud=9600", "adapter=")]
    [InlineData("witmotion-serial:", "port path")]
    [InlineData("serial:/dev/ttyUSB0", "witmotion-serial:PATH")]
    [InlineData("witmotion-serial:/dev/x?quaternion=maybe", "neither on nor off")]
    public void Mistakes_NameTheBadValueAndTheValidOnes(string uri, string hint)
    {
        var e = Assert.Throws<SourceUriException>(() => WitMotionSourceUri.Parse(uri));
        Assert.Contains(hint, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsWitMotion_ByScheme()
    {
        Assert.True(WitMotionSourceUri.IsWitMotion("witmotion-serial:/dev/ttyUSB0"));
        Assert.True(WitMotionSourceUri.IsWitMotion("WITMOTION-BLE:AA:BB:CC:DD:EE:FF"));
        Assert.False(WitMotionSourceUri.IsWitMotion("serial:/dev/ttyUSB0"));
        Assert.False(WitMotionSourceUri.IsWitMotion("file:/no/such/file"));
    }
}
