using PostureStream.Protocol.WitMotion;
using PostureStream.Signals.Detection;
using PostureStream.Signals.Pipeline;
using PostureStream.Signals.Wearers;
using PostureStream.Simulation;
using PostureStream.Simulation.Scenarios;
using PostureStream.Simulation.WitMotion;
using System.Reactive.Concurrency;
using PostureStream.Vocabulary;
using SimReading = PostureStream.Simulation.WitMotion.WitMotionReading;

namespace PostureStream.Signals.Tests.Wearers;

public sealed class WearerFeedTests
{
    private static SimulationPlan QuickDemo(int seed) =>
        SimulationPlan.Create(CalibrationRoutine.Prepend(ScenarioCatalog.Resolve(BuiltInScenarios.QuickDemo)), seed);

    [Fact]
    public void OneSensorLost_ItsSegmentIsNaNWithItsFault_TheOtherKeepsFlowing_AndNothingIsLaterThanTheBound()
    {
        SimulationPlan plan = QuickDemo(3);
        var fault = plan.Segments.First(s => s.Definition.Fault == SensorFault.Lumbar);
        var streams = new WearerStreams(50);
        var lumbar = new WitMotionSensorModel(plan, SensorPlacement.Lumbar);
        var pelvis = new WitMotionSensorModel(plan, SensorPlacement.Pelvis);
        var emitted = new List<(SegmentSample Sample, long Now)>();
        var batch = new List<SegmentSample>();
        long tick = 0;
        foreach (var (isLumbar, r) in Interleave(lumbar, pelvis))
        {
            // The host's 100 ms timer, which moves the grid on while both sensors are silent.
            for (; tick < r.ArrivalTimeMicroseconds; tick += 100_000)
            {
                batch.Clear();
                streams.Advance(tick, batch);
                long now = tick;
                emitted.AddRange(batch.Select(s => (s, now)));
            }

            if (isLumbar)
            {
                streams.AddLumbar(r.ArrivalTimeMicroseconds, SimulatedPair.Up(r));
            }
            else
            {
                streams.AddPelvis(r.ArrivalTimeMicroseconds, SimulatedPair.Up(r));
            }

            batch.Clear();
            streams.Advance(r.ArrivalTimeMicroseconds, batch);
            emitted.AddRange(batch.Select(s => (s, r.ArrivalTimeMicroseconds)));
        }

        long from = (long)fault.Start.TotalMicroseconds + 1_000_000, to = (long)fault.End.TotalMicroseconds - 1_000_000;
        var during = emitted.Where(e => e.Sample.TimeMicroseconds > from && e.Sample.TimeMicroseconds < to).Select(e => e.Sample).ToList();
        Assert.True(during.Count > 40 * (to - from) / 1_000_000, "the pelvis keeps flowing at about the grid rate");
        Assert.All(during, s =>
        {
            Assert.Equal(SensorFaults.Lumbar, s.Faults);
            Assert.True(double.IsNaN(s.Angles.LumbarPitchDegrees));
            Assert.False(double.IsNaN(s.Angles.PelvisPitchDegrees));
        });

        // Back after the fault: both sensors again, no fault.
        var after = emitted.Where(e => e.Sample.TimeMicroseconds > fault.End.TotalMicroseconds + 2_000_000 && e.Sample.TimeMicroseconds < fault.End.TotalMicroseconds + 10_000_000).ToList();
        Assert.NotEmpty(after);
        Assert.All(after, e => Assert.Equal(SensorFaults.None, e.Sample.Faults));

        Assert.All(emitted, e => Assert.True(e.Now - e.Sample.TimeMicroseconds <= streams.Latency.TotalMicroseconds + 100_000, $"put out {(e.Now - e.Sample.TimeMicroseconds) / 1000} ms after its time"));
        Assert.True(emitted.Zip(emitted.Skip(1)).All(p => p.Second.Sample.TimeMicroseconds > p.First.Sample.TimeMicroseconds), "grid times increase");
    }

    [Fact]
    public void ThroughTheChain_ALostSensorIsASensorFault_AndTheFunctionalCalibrationAlignsBoth()
    {
        SimulationPlan plan = QuickDemo(5);
        var fault = plan.Segments.First(s => s.Definition.Fault == SensorFault.Lumbar);
        var sink = new PointSink();
        using var chain = new DeviceChain(new InMemoryCalibrationStore(), sink, Scheduler.Immediate, new DeviceChainOptions
        {
            Signals = new SignalOptions { DeviceTime = new DeviceTimeOptions { Clock = ClockSource.Device, Start = DateTimeOffset.UnixEpoch } },
        });
        var streams = new WearerStreams(50);
        streams.Functional.Start();
        var feed = new WearerChainFeed(chain, WearerIdentity.For("desk", "AA:BB:CC:DD:EE:01", "AA:BB:CC:DD:EE:02"), streams);
        var options = new WitMotionSensorOptions { Mounting = new SensorMounting(120, 15, 40) };
        foreach (var (isLumbar, r) in Interleave(new WitMotionSensorModel(plan, SensorPlacement.Lumbar, options), new WitMotionSensorModel(plan, SensorPlacement.Pelvis, options)))
        {
            feed.Reading(isLumbar ? WearerSegment.Lumbar : WearerSegment.Pelvis, AsDecoded(r));
        }

        feed.Complete();
        Assert.Equal(FunctionalCalibrationStep.Done, streams.Functional.Step);
        Assert.NotEqual(SensorAlignment.Reference, streams.LumbarAlignment);
        var inFault = sink.Points.Where(p => p.DeviceMicros > fault.Start.TotalMicroseconds + 1e6 && p.DeviceMicros < fault.End.TotalMicroseconds - 1e6).ToList();
        Assert.NotEmpty(inFault);
        Assert.All(inFault, p => Assert.Equal(PostureState.SensorFault, p.State));
        Assert.Contains(sink.Points, p => p.DeviceMicros > fault.End.TotalMicroseconds + 3e6 && p.State != PostureState.SensorFault);
    }

    /// <summary>Serial sensors with time packets: the feed times their samples by the sensor clock, which rides out a jump.</summary>
    [Fact]
    public void ThroughTheFeed_TimePackets_TimeTheSamples_AndAClockSetMidwayIsAJumpNotAFault()
    {
        SimulationPlan plan = QuickDemo(4);
        var sink = new PointSink();
        using var chain = new DeviceChain(new InMemoryCalibrationStore(), sink, Scheduler.Immediate, new DeviceChainOptions
        {
            Signals = new SignalOptions { DeviceTime = new DeviceTimeOptions { Clock = ClockSource.Device, Start = DateTimeOffset.UnixEpoch } },
        });
        var streams = new WearerStreams(50);
        var feed = new WearerChainFeed(chain, WearerIdentity.For("desk", "/dev/ttyUSB0", "/dev/ttyUSB1"), streams);
        var options = new WitMotionSensorOptions { TimePackets = true };
        long jumpAt = 300_000_000;
        foreach (var (isLumbar, r) in Interleave(new WitMotionSensorModel(plan, SensorPlacement.Lumbar, options), new WitMotionSensorModel(plan, SensorPlacement.Pelvis, options)))
        {
            // Someone sets the lumbar sensor's clock an hour on, 300 s in.
            long? clock = isLumbar && r.SampleTimeMicroseconds >= jumpAt ? r.SensorClockMicroseconds + 3_600_000_000 : r.SensorClockMicroseconds;
            feed.Reading(isLumbar ? WearerSegment.Lumbar : WearerSegment.Pelvis, AsDecoded(r) with { SensorClockMicroseconds = clock });
        }

        feed.Complete();
        Assert.Equal(1, streams.LumbarClock.ClockJumps);
        Assert.Equal(0, streams.PelvisClock.ClockJumps);
        var around = sink.Points.Where(p => Math.Abs(p.DeviceMicros - jumpAt) < 5_000_000).ToList();
        Assert.NotEmpty(around);
        Assert.DoesNotContain(around, p => p.State == PostureState.SensorFault);
    }

    /// <summary>What a link's decoder hands over for a simulated sample: its angle reading, stamped with its arrival.</summary>
    private static Protocol.WitMotion.WitMotionReading AsDecoded(SimReading r) =>
        new(r.ArrivalTimeMicroseconds, WitMotionReadingKind.Angle, r.RollDegrees, r.PitchDegrees, r.YawDegrees, double.NaN, r.SensorClockMicroseconds);

    private static IEnumerable<(bool Lumbar, SimReading Reading)> Interleave(WitMotionSensorModel lumbar, WitMotionSensorModel pelvis) =>
        lumbar.Readings().Where(r => r.IsDelivered).Select(r => (true, r))
            .Concat(pelvis.Readings().Where(r => r.IsDelivered).Select(r => (false, r)))
            .OrderBy(x => x.r.ArrivalTimeMicroseconds);

    private sealed class PointSink : IDeviceChainSink
    {
        public List<PosturePoint> Points { get; } = [];

        public void OnPosture(in PosturePoint point) => Points.Add(point);

        public void OnAlert(in AlertEvent alert)
        {
        }

        public void OnBend(in BendEvent bend)
        {
        }

        public void OnSummary(in MinuteSummary summary)
        {
        }

        public void OnStateChanged(in DetectionStateChange change)
        {
        }
    }
}
