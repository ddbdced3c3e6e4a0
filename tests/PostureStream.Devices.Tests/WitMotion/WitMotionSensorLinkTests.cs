using System.Threading.Channels;
using PostureStream.Devices.Links;
using PostureStream.Devices.Tests.Support;
using PostureStream.Devices.WitMotion;
using PostureStream.Protocol.WitMotion;
using PostureStream.Testing;

namespace PostureStream.Devices.Tests.WitMotion;

/// <summary>WitMotion serial sensors on real PTYs (openpty and socat) with a stand-in that follows the datasheet.</summary>
public sealed class WitMotionSensorLinkTests
{
    internal static ChannelReader<WitMotionSensorEvent> Collect(WitMotionSensorLink link)
    {
        var events = Channel.CreateUnbounded<WitMotionSensorEvent>();
        link.Events.Subscribe(e => events.Writer.TryWrite(e), _ => events.Writer.TryComplete(), () => events.Writer.TryComplete());
        return events.Reader;
    }

    internal static async Task<T> NextAsync<T>(ChannelReader<WitMotionSensorEvent> events)
        where T : WitMotionSensorEvent
    {
        using var timeout = new CancellationTokenSource(LinkExtensions.Patience);
        while (true)
        {
            if (await events.ReadAsync(timeout.Token) is T wanted)
            {
                return wanted;
            }
        }
    }

    internal static async Task<List<WitMotionReading>> ReadingsAsync(ChannelReader<WitMotionSensorEvent> events, int count)
    {
        var readings = new List<WitMotionReading>();
        while (readings.Count < count)
        {
            readings.AddRange((await NextAsync<WitMotionReadingsReceived>(events)).Readings);
        }

        return readings;
    }

    [Fact]
    public async Task SerialSensor_OverSocat_DeliversReadingsStampedWithArrivalTime()
    {
        using var dir = new TempDirectory();
        await using SocatPtyPair socat = await SocatPtyPair.StartAsync(dir.Sub("host"), dir.Sub("sensor"));
        await using var sensor = new WitMotionSerialStandIn(Serial.SerialLinkOpener.Open(socat.PathB, 115200, Serial.SerialDrivers.Default));
        var time = new ManualTimeProvider();
        await using WitMotionSensorLink link = WitMotionSources.Create($"witmotion-serial:{socat.PathA}?baud=115200", time);
        ChannelReader<WitMotionSensorEvent> events = Collect(link);
        await link.StartAsync(CancellationToken.None);

        await sensor.SendAsync(WitMotionSerialStandIn.Cycle(22.5, -22.5, 90));
        List<WitMotionReading> readings = await ReadingsAsync(events, 3);

        Assert.Equal([WitMotionReadingKind.Acceleration, WitMotionReadingKind.AngularVelocity, WitMotionReadingKind.Angle], readings.Select(r => r.Kind));
        WitMotionReading angle = readings[2];
        Assert.Equal((22.5, -22.5, 90.0), (angle.X, angle.Y, angle.Z));
        Assert.Equal(1.0, readings[0].Z);
        long expected = (ManualTimeProvider.DefaultStart - DateTimeOffset.UnixEpoch).Ticks / 10;
        Assert.All(readings, r => Assert.Equal(expected, r.ArrivalMicroseconds));
    }

    /// <summary>With the TIME output on, each period starts with a 0x50 packet: its clock goes with that period's readings.</summary>
    [Fact]
    public async Task TimePackets_GiveTheirClockToTheReadingsAfterThem()
    {
        using var dir = new TempDirectory();
        await using var pty = TestPty.Create(dir.Sub("wt901"));
        await using var sensor = new WitMotionSerialStandIn(pty.Master);
        await using WitMotionSensorLink link = WitMotionSources.Create($"witmotion-serial:{pty.LinkPath}?baud=115200", new ManualTimeProvider());
        ChannelReader<WitMotionSensorEvent> events = Collect(link);
        await link.StartAsync(CancellationToken.None);

        const long Clock = 850_000_000_000_000; // 2026-12-07 23:06:40 of the sensor's clock
        await sensor.SendAsync([.. WitMotionEncoder.EncodeSerial(WitMotionClock.ToPacket(Clock)), .. WitMotionSerialStandIn.Cycle(1, 2)]);
        await sensor.SendAsync([.. WitMotionEncoder.EncodeSerial(WitMotionClock.ToPacket(Clock + 20_000, withoutDate: true)), .. WitMotionSerialStandIn.Cycle(1, 2)]);
        List<WitMotionReading> readings = await ReadingsAsync(events, 6);

        Assert.All(readings.Take(3), r => Assert.Equal(Clock, r.SensorClockMicroseconds));
        long timeOfDay = (Clock + 20_000) % 86_400_000_000;
        Assert.All(readings.Skip(3), r => Assert.Equal(timeOfDay, r.SensorClockMicroseconds));
    }

    [Fact]
    public async Task RateOption_SendsUnlockRateSave_OnEveryConnect()
    {
        using var dir = new TempDirectory();
        await using var pty = TestPty.Create(dir.Sub("wt901"));
        var sensor = new WitMotionSerialStandIn(pty.Master);
        await using WitMotionSensorLink link = WitMotionSources.Create($"witmotion-serial:{pty.LinkPath}?baud=115200&rate=50");
        ChannelReader<WitMotionSensorEvent> events = Collect(link);
        await link.StartAsync(CancellationToken.None);

        Assert.Equal([WitMotionCommands.Unlock, WitMotionCommands.SetRate(50), WitMotionCommands.Save], await TakeAsync(sensor.Commands, 3));
        Assert.Equal("FF AA 03 08 00", WitMotionCommands.SetRate(50).ToString());

        // Unplugged and back: the link reports the loss, reconnects on its own, and sets the rate again.
        await pty.UnplugAsync();
        await sensor.DisposeAsync();
        await NextAsync<WitMotionSensorLinkLost>(events);
        pty.Replug();
        await using var again = new WitMotionSerialStandIn(pty.Master);
        await NextAsync<WitMotionSensorLinkRestored>(events);
        Assert.Equal([WitMotionCommands.Unlock, WitMotionCommands.SetRate(50), WitMotionCommands.Save], await TakeAsync(again.Commands, 3));
        await again.SendAsync(WitMotionSerialStandIn.Cycle(1, 2));
        Assert.Equal(2.0, (await ReadingsAsync(events, 3))[2].Y, 2);
    }

    [Fact]
    public async Task BaudDetection_FindsA9600Sensor_AndSaysHowToSwitch()
    {
        using var dir = new TempDirectory();
        await using var pty = TestPty.Create(dir.Sub("wt901"));
        string slave = pty.SlavePath;
        await using var sensor = new WitMotionSerialStandIn(pty.Master) { SensorBaud = 9600, PortBaud = () => TermiosSnapshot.Read(slave).InputBaud };
        using var stop = new CancellationTokenSource();
        Task streaming = sensor.StreamAsync(TimeSpan.FromMilliseconds(20), stop.Token);
        var notices = new List<string>();
        var connector = new WitMotionSerialConnector(pty.LinkPath, baudRate: null, notice: notices.Add) { DetectWindow = TimeSpan.FromSeconds(1) };

        await using IDeviceLink link = await connector.ConnectAsync(CancellationToken.None).WaitAsync(LinkExtensions.Patience);
        await stop.CancelAsync();
        await streaming;

        Assert.Equal(9600, connector.BaudRate);
        Assert.Contains("FF AA 04 06 00", Assert.Single(notices), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenBaud9600_SaysHowToSwitch_OncePerConnector()
    {
        using var dir = new TempDirectory();
        await using var pty = TestPty.Create(dir.Sub("wt901"));
        var notices = new List<string>();
        var connector = new WitMotionSerialConnector(pty.LinkPath, baudRate: 9600, notice: notices.Add);

        await using (await connector.ConnectAsync(CancellationToken.None).WaitAsync(LinkExtensions.Patience))
        {
        }

        await using (await connector.ConnectAsync(CancellationToken.None).WaitAsync(LinkExtensions.Patience))
        {
        }

        string notice = Assert.Single(notices);
        Assert.Contains("lowers its output rate", notice, StringComparison.Ordinal);
        Assert.Contains("FF AA 69 88 B5", notice, StringComparison.Ordinal);
        Assert.Contains("FF AA 04 06 00", notice, StringComparison.Ordinal);
        Assert.Contains("FF AA 00 00 00", notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenBaud115200_SaysNothing()
    {
        using var dir = new TempDirectory();
        await using var pty = TestPty.Create(dir.Sub("wt901"));
        var notices = new List<string>();
        var connector = new WitMotionSerialConnector(pty.LinkPath, baudRate: 115200, notice: notices.Add);
        await using (await connector.ConnectAsync(CancellationToken.None).WaitAsync(LinkExtensions.Patience))
        {
        }

        Assert.Empty(notices);
    }

    [Fact]
    public async Task BaudDetection_NoSensor_IsASourceErrorNamingTheRatesTried()
    {
        using var dir = new TempDirectory();
        await using var pty = TestPty.Create(dir.Sub("silent"));
        var connector = new WitMotionSerialConnector(pty.LinkPath, baudRate: null) { DetectWindow = TimeSpan.FromMilliseconds(200) };
        var e = await Assert.ThrowsAsync<SourceOpenException>(() => connector.ConnectAsync(CancellationToken.None).WaitAsync(LinkExtensions.Patience));
        Assert.Contains("115200 or 9600", e.Message, StringComparison.Ordinal);
    }

    private static async Task<List<WitMotionCommand>> TakeAsync(ChannelReader<WitMotionCommand> commands, int count)
    {
        using var timeout = new CancellationTokenSource(LinkExtensions.Patience);
        var result = new List<WitMotionCommand>();
        while (result.Count < count)
        {
            result.Add(await commands.ReadAsync(timeout.Token));
        }

        return result;
    }
}
