using System.Reactive.Concurrency;
using System.Reactive.Linq;
using PostureStream.Protocol;
using PostureStream.Signals.Detection;
using PostureStream.Signals.Pipeline;
using PostureStream.Signals.Tests.Detection;
using PostureStream.Simulation;
using PostureStream.Simulation.Scenarios;
using PostureStream.Testing;
using PostureStream.Vocabulary;

namespace PostureStream.Signals.Tests;

public sealed class DeviceChainTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    private static DeviceChainOptions DeviceClock() => new()
    {
        Signals = new SignalOptions { DeviceTime = new DeviceTimeOptions { Clock = ClockSource.Device, Start = Start } },
        Detection = Detect.Options(),
    };

    [Fact]
    public void SimulatedDay_ThroughThePspFeed_GivesTheOutputsOfTheRxStagesAndDetectorWiredByHand()
    {
        SimulationPlan plan = SimulationPlan.Create(ScenarioCatalog.Resolve("quick-demo"), 3);
        List<PspMessage> messages = Decode(CaptureWriter.ToArray(plan));
        var device = new DeviceIdentity(plan.DeviceId, plan.DeviceName);

        RecordingSink byHand = RunByHand(messages, device);

        var sink = new ChainRecorder();
        using (var chain = new DeviceChain(new InMemoryCalibrationStore(), sink, ImmediateScheduler.Instance, DeviceClock()))
        {
            var feed = new PspChainFeed(chain);
            foreach (PspMessage m in messages)
            {
                if (m is HelloMessage hello)
                {
                    feed.Identify(device, hello.SampleRateHz, hello.Sensors);
                }

                feed.Message(m);
            }

            chain.Complete();
        }

        Assert.NotEmpty(byHand.Alerts);
        Assert.Equal(byHand.Points, sink.Points);
        Assert.Equal(byHand.Alerts, sink.Alerts);
        Assert.Equal(byHand.Bends, sink.Bends);
        Assert.Equal(byHand.Summaries, sink.Summaries);
        Assert.Equal(byHand.Changes, sink.Changes);
        Assert.Contains(sink.Notices, n => n.Kind == CalibrationNoticeKind.Taken);
    }

    [Fact]
    public void TimeSteppingBack_IsADeviceReset_AndABigForwardStepAGap()
    {
        var sink = new ChainRecorder();
        using var chain = new DeviceChain(new InMemoryCalibrationStore(), sink, ImmediateScheduler.Instance, DeviceClock());
        chain.Identify(new ChainIdentity(Detect.Device, 100));
        chain.Samples([At(1_000_000), At(1_010_000), At(1_050_000), At(20_000)]);

        Assert.Equal(4, sink.Batches[0].Count);
        // 1.01 s → 1.05 s is 4 periods at 100 Hz (a gap); 20 ms after 1.05 s steps back (a reset), placed one period on.
        Assert.Equal(1_060_000, sink.Batches[0].DeviceMicroseconds);
    }

    [Fact]
    public void SamplesBeforeIdentify_AreAProgrammingError()
    {
        using var chain = new DeviceChain(new InMemoryCalibrationStore(), new ChainRecorder(), ImmediateScheduler.Instance, DeviceClock());

        Assert.Throws<InvalidOperationException>(() => chain.Samples([At(0)]));
    }

    [Fact]
    public void LiveSilence_ClearsEpisodesAndTellsTheSink_OnTheScheduler()
    {
        var scheduler = new TestScheduler();
        var sink = new ChainRecorder();
        using var chain = new DeviceChain(new InMemoryCalibrationStore(), sink, scheduler);
        chain.Identify(new ChainIdentity(Detect.Device, 100));
        chain.Samples([At(0), At(10_000)]);

        scheduler.AdvanceBy(TimeSpan.FromSeconds(11));

        Assert.Single(sink.Silences);
        Assert.NotEmpty(sink.Summaries);
    }

    [Fact]
    public void SnoozeCue_HoldsBuzzesFromItsDeviceTime_AndIsReported()
    {
        var sink = new ChainRecorder();
        using var chain = new DeviceChain(new InMemoryCalibrationStore(), sink, ImmediateScheduler.Instance, DeviceClock());
        chain.Identify(new ChainIdentity(Detect.Device, 100));
        chain.Samples([At(5_000_000)]);

        chain.Cue(DeviceCue.SnoozeButton, 5_020_000);

        Assert.Equal((DeviceCue.SnoozeButton, 5_020_000L), sink.Cues.Single());
        Assert.True(chain.Detector!.SnoozedUntilMicros > 5_020_000);
    }

    [Fact]
    public void StatusFaults_HoldUntilTheNextStatus_AndTheStatusIsHandedOn()
    {
        var sink = new ChainRecorder();
        using var chain = new DeviceChain(new InMemoryCalibrationStore(), sink, ImmediateScheduler.Instance, DeviceClock());
        chain.Identify(new ChainIdentity(Detect.Device, 100));
        chain.Status(new DeviceStatus(3900, 80, 25, Charging: false, SensorFaults.Pelvis));
        chain.Samples([At(0)]);
        chain.Status(new DeviceStatus(3900, 80, 25, Charging: false, SensorFaults.None));
        chain.Samples([At(10_000)]);

        Assert.Equal(2, sink.Statuses.Count);
        Assert.Equal(SensorFaults.Pelvis, sink.Batches[0].Faults);
        Assert.Equal(SensorFaults.None, sink.Batches[1].Faults);
    }

    private static SegmentSample At(long micros) => new(micros, new SensorAngles(5, 0, 15, 0), SensorFaults.None);

    /// <summary>The wiring <c>run</c> had before the chain: Rx signal stages, then the detector, feedback closed by hand.</summary>
    private static RecordingSink RunByHand(List<PspMessage> messages, DeviceIdentity device)
    {
        var sink = new RecordingSink();
        using var calibration = new DeviceCalibration(new InMemoryCalibrationStore());
        var detector = new DeviceDetector(device, Detect.Options());
        var inputs = new PostureInput[PspLayout.MaxSamplesPerFrame];
        using (Frames.DeviceClockPipeline(calibration)(messages.ToObservable(ImmediateScheduler.Instance))
            .Where(f => f.Kind == FrameKind.Samples)
            .Subscribe(frame =>
            {
                int count = PostureInputAdapter.Fill(frame, inputs);
                detector.Process(inputs.AsSpan(0, count), sink);
                calibration.ReportSitting(detector.Activity == Vocabulary.Activity.Sitting);
                calibration.ReportWalking(detector.ContinuousWalking);
            }))
        {
        }

        detector.Complete(sink);
        return sink;
    }

    private static List<PspMessage> Decode(ReadOnlySpan<byte> bytes)
    {
        var decoder = new PspStreamDecoder();
        var messages = new List<PspMessage>();
        while (decoder.TryDecode(ref bytes, out PspFrame frame))
        {
            messages.Add(frame.ToMessage());
        }

        return messages;
    }

    private sealed class ChainRecorder : IDeviceChainSink
    {
        public List<PosturePoint> Points { get; } = [];

        public List<AlertEvent> Alerts { get; } = [];

        public List<BendEvent> Bends { get; } = [];

        public List<MinuteSummary> Summaries { get; } = [];

        public List<DetectionStateChange> Changes { get; } = [];

        public List<ChainBatch> Batches { get; } = [];

        public List<DeviceStatus> Statuses { get; } = [];

        public List<(DeviceCue, long)> Cues { get; } = [];

        public List<DateTime> Silences { get; } = [];

        public List<CalibrationNotice> Notices { get; } = [];

        public void OnPosture(in PosturePoint point) => Points.Add(point);

        public void OnAlert(in AlertEvent alert) => Alerts.Add(alert);

        public void OnBend(in BendEvent bend) => Bends.Add(bend);

        public void OnSummary(in MinuteSummary summary) => Summaries.Add(summary);

        public void OnStateChanged(in DetectionStateChange change) => Changes.Add(change);

        public void OnBatch(in ChainBatch batch) => Batches.Add(batch);

        public void OnStatus(in DeviceStatus status, DateTime utc) => Statuses.Add(status);

        public void OnCue(DeviceCue cue, long deviceMicroseconds, DateTime utc) => Cues.Add((cue, deviceMicroseconds));

        public void OnSilence(DateTime utc) => Silences.Add(utc);

        public void OnCalibration(CalibrationNotice notice) => Notices.Add(notice);
    }
}
