using System.Reactive.Concurrency;
using PostureStream.Protocol;
using PostureStream.Simulation.Device;
using PostureStream.Simulation.Scenarios;

namespace PostureStream.Simulation.Tests;

public sealed class VirtualDeviceTests : IDisposable
{
    private readonly HistoricalScheduler _clock = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly HostSide _host = new();
    private VirtualDevice? _device;

    private VirtualDevice Connect(string scenario = BuiltInScenarios.SustainTest, VirtualDeviceOptions? options = null, Scenario? custom = null)
    {
        Scenario s = custom ?? ScenarioCatalog.Resolve(scenario);
        s = s with { Device = s.Device with { DropoutRate = 0 } };
        _device = new VirtualDevice(SimulationPlan.Create(s, 7), _clock, options);
        _device.Output.Subscribe(chunk => _host.Feed(chunk.Span));
        _device.PowerOn();
        return _device;
    }

    public void Dispose() => _device?.Dispose();

    [Fact]
    public void Identify_IsAnsweredWithHello_AndNothingStreamsBeforeStart()
    {
        VirtualDevice device = Connect();
        device.Receive(_host.Command(new IdentifyMessage()));
        _clock.AdvanceBy(TimeSpan.FromSeconds(5));

        var hello = Assert.IsType<HelloMessage>(Assert.Single(_host.Received));
        Assert.Equal(device.Plan.DeviceId, hello.DeviceId);
        Assert.Equal("1.4.0", hello.FirmwareVersion);
        Assert.False(device.IsStreaming);
    }

    [Fact]
    public void Start_IsAcked_ThenSamplesFlowInDeviceTime()
    {
        VirtualDevice device = Connect();
        device.Receive(_host.Command(new StartMessage(0)));
        _clock.AdvanceBy(TimeSpan.FromSeconds(10));

        var ack = Assert.IsType<AckMessage>(_host.Received[0]);
        Assert.Equal(100, ack.AckedSeq);
        Assert.Equal(PspMessageType.Start, ack.AckedType);
        Assert.Equal(AckResult.Ok, ack.Result);
        Assert.InRange(_host.SampleCount, 980, 1010);
        Assert.Contains(_host.Received, m => m is StatusMessage);
        Assert.Equal(0, _host.Stats.CrcErrors + _host.Stats.CobsErrors);
    }

    [Fact]
    public void RepeatedBuzzSeq_IsAckedAgain_ButRecordedOnce()
    {
        VirtualDevice device = Connect();
        device.Receive(_host.Command(new StartMessage(0)));
        _clock.AdvanceBy(TimeSpan.FromSeconds(2));
        byte[] buzz = _host.Command(new BuzzMessage(BuzzPattern.Double, 300, 80));
        device.Receive(buzz);
        _clock.AdvanceBy(TimeSpan.FromMilliseconds(500));
        device.Receive(buzz);
        _clock.AdvanceBy(TimeSpan.FromMilliseconds(500));

        var acks = _host.Received.OfType<AckMessage>().Where(a => a.AckedType == PspMessageType.Buzz).ToList();
        Assert.Equal(2, acks.Count);
        Assert.All(acks, a => Assert.Equal(AckResult.Ok, a.Result));
        ReceivedBuzz recorded = Assert.Single(device.Buzzes);
        Assert.Equal(BuzzPattern.Double, recorded.Pattern);
        Assert.Equal(300, recorded.DurationMilliseconds);
        long elapsed = recorded.DeviceMicroseconds - device.Plan.StartTick;
        Assert.InRange(elapsed, 1_900_000, 2_100_000);
    }

    [Fact]
    public void BadBuzz_AndUnsupportedRate_AreAckedInvalidArgument()
    {
        VirtualDevice device = Connect();
        device.Receive(_host.Command(new StartMessage(250)));
        device.Receive(_host.Command(new BuzzMessage((BuzzPattern)9, 300, 80)));
        _clock.AdvanceBy(TimeSpan.FromSeconds(1));

        Assert.All(_host.Received.OfType<AckMessage>(), a => Assert.Equal(AckResult.InvalidArgument, a.Result));
        Assert.Equal(2, _host.Received.OfType<AckMessage>().Count());
        Assert.Empty(device.Buzzes);
        Assert.False(device.IsStreaming);
    }

    [Fact]
    public void Stop_EndsTheStream_AndStartResumesWhereTheWearerIsNow()
    {
        VirtualDevice device = Connect();
        device.Receive(_host.Command(new StartMessage(0)));
        _clock.AdvanceBy(TimeSpan.FromSeconds(3));
        device.Receive(_host.Command(new StopMessage()));
        _clock.AdvanceBy(TimeSpan.FromSeconds(1));
        int afterStop = _host.SampleCount;
        _clock.AdvanceBy(TimeSpan.FromSeconds(5));
        Assert.Equal(afterStop, _host.SampleCount);

        device.Receive(_host.Command(new StartMessage(0)));
        _clock.AdvanceBy(TimeSpan.FromSeconds(2));
        Sample first = _host.Received.OfType<SamplesMessage>().SelectMany(m => m.Samples).Skip(afterStop).First();
        long resumedAt = unchecked(first.TickMicroseconds - device.Plan.StartTick);
        Assert.InRange(resumedAt, 8_900_000, 9_200_000);
    }

    [Fact]
    public void Speed_ScalesDeviceTimeAgainstTheScheduler()
    {
        Connect(options: new VirtualDeviceOptions { Speed = SimulationSpeed.Of(10) }).Receive(_host.Command(new StartMessage(0)));
        _clock.AdvanceBy(TimeSpan.FromSeconds(6));

        Assert.InRange(_host.SampleCount, 5950, 6050);
    }

    [Fact]
    public void StreamOnPowerUp_AtMaxSpeed_SendsExactlyTheCaptureFile_AndCompletes()
    {
        Scenario short_ = new ScenarioBuilder("short").Standing(10, DeviceEventCode.CalibrateRequest).Walking(10).Slumped(10)
            .Build("short", new DeviceProfile { DropoutRate = 0.01, CorruptionRate = 0.0005 });
        var bytes = new List<byte>();
        bool completed = false;
        var device = new VirtualDevice(SimulationPlan.Create(short_, 3), _clock, new VirtualDeviceOptions { Speed = SimulationSpeed.Max, StreamOnPowerUp = true });
        _device = device;
        device.Output.Subscribe(chunk => bytes.AddRange(chunk.ToArray()), () => completed = true);
        device.PowerOn();
        _clock.AdvanceBy(TimeSpan.FromSeconds(1));

        Assert.True(completed);
        Assert.True(device.Completion.IsCompleted);
        Assert.Equal(CaptureWriter.ToArray(SimulationPlan.Create(short_, 3)), bytes.ToArray());
    }

    [Fact]
    public void Events_ComeWhereTheScenarioSaysSo()
    {
        Scenario s = new ScenarioBuilder("events").Standing(5, DeviceEventCode.CalibrateRequest).Walking(5).With(x => x with { Event = DeviceEventCode.SnoozeRequest }).Standing(2)
            .Build("events");
        VirtualDevice device = Connect(custom: s);
        device.Receive(_host.Command(new StartMessage(0)));
        _clock.AdvanceBy(TimeSpan.FromSeconds(13));

        var events = _host.Received.OfType<EventMessage>().ToList();
        Assert.Equal([DeviceEventCode.CalibrateRequest, DeviceEventCode.SnoozeRequest], events.Select(e => e.Code));
        Assert.InRange(unchecked(events[1].TickMicroseconds - device.Plan.StartTick), 4_950_000u, 5_050_000u);
        Assert.True(device.Completion.IsCompleted);
    }
}
