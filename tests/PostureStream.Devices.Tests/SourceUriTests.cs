using PostureStream.Devices.Serial;
using PostureStream.Devices.Sources;
using PostureStream.Vocabulary;

namespace PostureStream.Devices.Tests;

public sealed class SourceUriTests
{
    [Fact]
    public void SerialWithBaudAndName_IsParsed()
    {
        SourceSpec spec = SourceUri.Parse("serial:/dev/ttyUSB0?baud=921600&name=alice");

        Assert.Equal(Transport.Serial, spec.Transport);
        Assert.Equal("/dev/ttyUSB0", spec.Target);
        Assert.Equal(921600, spec.BaudRate);
        Assert.Equal("alice", spec.Name);
        Assert.Equal(SourceClock.Arrival, spec.Clock);
        Assert.Equal(Transport.Serial, spec.Transport);
    }

    [Fact]
    public void SerialWithoutBaud_Uses115200()
    {
        Assert.Equal(115200, SourceUri.Parse("serial:/dev/serial/by-id/usb-Posture_Kit_0001-if00").BaudRate);
        Assert.True(SourceUri.Parse("serial:auto").IsAutoSerial);
    }

    [Theory]
    [InlineData("serial:/dev/ttyUSB0", SerialDriver.Termios)]
    [InlineData("serial:/dev/ttyUSB0?driver=ports", SerialDriver.Ports)]
    [InlineData("serial:COM3?driver=PORTS", SerialDriver.Ports)]
    [InlineData("serial:auto?driver=termios", SerialDriver.Termios)]
    public void SerialDriver_DefaultsToTermiosOnLinux_AndIsChosenWithDriver(string uri, SerialDriver expected)
    {
        Assert.Equal(expected, SourceUri.Parse(uri).SerialDriver);
    }

    [Fact]
    public void Tcp_HostAndPort()
    {
        SourceSpec spec = SourceUri.Parse("tcp://127.0.0.1:7000?name=sim");

        Assert.Equal(("127.0.0.1", 7000), (spec.Host, spec.Port));
        Assert.Equal("sim", spec.Name);
    }

    [Fact]
    public void Tcp_Ipv6Host()
    {
        SourceSpec spec = SourceUri.Parse("tcp://[::1]:7000");

        Assert.Equal(("::1", 7000), (spec.Host, spec.Port));
    }

    [Theory]
    [InlineData("file:walk.psp", "walk.psp", "max")]
    [InlineData("file:/data/walk.psp?speed=realtime", "/data/walk.psp", "realtime")]
    [InlineData("file:///data/walk.psp?speed=10", "/data/walk.psp", "10")]
    [InlineData("file:my%20walk.psp?speed=0.5", "my walk.psp", "0.5")]
    public void File_PathAndSpeed_AndAlwaysTheDeviceClock(string uri, string path, string speed)
    {
        SourceSpec spec = SourceUri.Parse(uri);

        Assert.Equal(path, spec.Target);
        Assert.Equal(speed, spec.Speed.ToString());
        Assert.Equal(SourceClock.Device, spec.Clock);
    }

    [Fact]
    public void ClockDeviceWithStart_OnALiveSource()
    {
        SourceSpec spec = SourceUri.Parse("serial:/dev/ttyACM0?clock=device&start=2026-03-01T08:00:00Z");

        Assert.Equal(SourceClock.Device, spec.Clock);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero), spec.Start);
    }

    [Fact]
    public void SimulatorAndBle_KeepTheirOwnParameters()
    {
        SourceSpec sim = SourceUri.Parse("sim:office-day?speed=60&seed=7&wearers=3");
        SourceSpec ble = SourceUri.Parse("ble:AA:BB:CC:DD:EE:FF?name=bob");

        Assert.Equal(("office-day", "7", "3"), (sim.Target, sim.Parameters["seed"], sim.Parameters["wearers"]));
        Assert.Equal(60, sim.Speed.Factor);
        Assert.Equal(("AA:BB:CC:DD:EE:FF", "bob"), (ble.Target, ble.Name));
    }

    [Fact]
    public void Record_IsACommonParameter()
    {
        Assert.Equal("bug-1234.psp", SourceUri.Parse("serial:/dev/ttyUSB0?record=bug-1234.psp").RecordPath);
    }

    [Theory]
    [InlineData("tcp://127.0.0.1:7000?idle=30", 30)]
    [InlineData("serial:/dev/ttyUSB0?idle=2.5&baud=9600", 2.5)]
    [InlineData("ble:AA:BB:CC:DD:EE:FF?idle=60", 60)]
    [InlineData("tcp://127.0.0.1:7000", 15)]
    [InlineData("serial:auto", 15)]
    public void Idle_IsSecondsOnLiveSources_Default15(string uri, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), SourceUri.Parse(uri).IdleTimeout);
    }

    [Fact]
    public void IdleOff_TurnsTheWatchdogOff()
    {
        Assert.Equal(Timeout.InfiniteTimeSpan, SourceUri.Parse("tcp://127.0.0.1:7000?idle=off").IdleTimeout);
    }

    [Theory]
    [InlineData("tcp://127.0.0.1:7000?idle=0", "idle=0")]
    [InlineData("tcp://127.0.0.1:7000?idle=0.5", "idle=0.5")]
    [InlineData("tcp://127.0.0.1:7000?idle=soon", "idle=soon")]
    [InlineData("tcp://127.0.0.1:7000?idle=-5", "idle=-5")]
    [InlineData("serial:/dev/ttyUSB0?idle=100000", "idle=100000")]
    [InlineData("file:x.psp?idle=5", "unknown parameter 'idle'")]
    public void BadIdle_NamesTheValueAndTheRange(string uri, string expected)
    {
        var error = Assert.Throws<SourceUriException>(() => SourceUri.Parse(uri));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dev/ttyUSB0", "no scheme")]
    [InlineData("usb:/dev/ttyUSB0", "unknown scheme 'usb'")]
    [InlineData("serial:/dev/ttyUSB0?baud=fast", "baud=fast")]
    [InlineData("serial:/dev/ttyUSB0?baud=12", "baud=12")]
    [InlineData("serial:/dev/ttyUSB0?baud=9000000", "baud=9000000")]
    [InlineData("serial:/dev/ttyUSB0?bod=9600", "unknown parameter 'bod'")]
    [InlineData("serial:", "names no serial target")]
    [InlineData("tcp://localhost", "tcp://HOST:PORT")]
    [InlineData("tcp:localhost:7000", "tcp://HOST:PORT")]
    [InlineData("tcp://localhost:99999", "tcp://HOST:PORT")]
    [InlineData("file:x.psp?speed=fast", "speed=fast")]
    [InlineData("file:x.psp?speed=-1", "speed=-1")]
    [InlineData("file:x.psp?clock=wall", "clock=wall")]
    [InlineData("file:x.psp?start=yesterday", "start=yesterday")]
    [InlineData("file:x.psp?start=2300-01-01T00:00:00Z", "start=2300-01-01T00:00:00Z in 'file:x.psp?start=2300-01-01T00:00:00Z' is outside the times a stored point can carry; give a time from 1970-01-01 to 2261-12-31")]
    [InlineData("sim:quick-demo?start=9999-12-31T00:00:00Z", "start=9999-12-31T00:00:00Z in 'sim:quick-demo?start=9999-12-31T00:00:00Z' is outside the times")]
    [InlineData("file:x.psp?start=1969-12-31T23:59:59Z", "from 1970-01-01 to 2261-12-31")]
    [InlineData("serial:/dev/ttyUSB0?clock=arrival&start=2026-03-01T08:00:00Z", "needs clock=device")]
    [InlineData("serial:/dev/ttyUSB0?name=", "name=")]
    [InlineData("serial:/dev/ttyUSB0?baud=9600&baud=19200", "appears twice")]
    [InlineData("serial:/dev/ttyUSB0?driver=win32", "driver=win32")]
    public void BadUris_NameTheBadValue(string uri, string expected)
    {
        var error = Assert.Throws<SourceUriException>(() => SourceUri.Parse(uri));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadBaud_ListsTheStandardRates()
    {
        var error = Assert.Throws<SourceUriException>(() => SourceUri.Parse("serial:/dev/ttyUSB0?baud=fast"));

        Assert.Contains("9600, 19200, 38400, 57600, 115200, 230400, 460800, 500000, 576000, 921600", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownScheme_ListsTheForms()
    {
        var error = Assert.Throws<SourceUriException>(() => SourceUri.Parse("usb:/dev/ttyUSB0"));

        Assert.Contains(SourceUri.Forms, error.Message, StringComparison.Ordinal);
    }
}
