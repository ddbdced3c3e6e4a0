using PostureStream.Signals.Wearers;
using PostureStream.Simulation;
using PostureStream.Simulation.Scenarios;
using PostureStream.Simulation.WitMotion;
using Xunit.Abstractions;

namespace PostureStream.Signals.Tests.Wearers;

public sealed class SampleClockTests(ITestOutputHelper output)
{
    /// <summary>Connection intervals drawn in 7.5–50 ms (0), or both pinned at 50 ms, or at 7.5 ms; 50 Hz unless said.</summary>
    [Theory]
    [InlineData(BuiltInScenarios.QuickDemo, 1, 0, 50)]
    [InlineData(BuiltInScenarios.QuickDemo, 2, 0, 50)]
    [InlineData(BuiltInScenarios.SustainTest, 3, 0, 50)]
    [InlineData(BuiltInScenarios.QuickDemo, 4, 50, 50)]
    [InlineData(BuiltInScenarios.QuickDemo, 5, 7.5, 50)]
    [InlineData(BuiltInScenarios.QuickDemo, 6, 0, 100)]
    [InlineData(BuiltInScenarios.QuickDemo, 7, 50, 25)]
    public void TwoBleSensors_AreAlignedWithin20Milliseconds_At95Percent(string scenario, int seed, double intervalMs, double rateHz)
    {
        SimulationPlan plan = SimulatedPair.Plan(scenario, seed);
        WitMotionLinkProfile link = intervalMs == 0 ? WitMotionLinkProfile.Ble : WitMotionLinkProfile.Ble with
        {
            ConnectionIntervalMin = TimeSpan.FromMilliseconds(intervalMs),
            ConnectionIntervalMax = TimeSpan.FromMilliseconds(intervalMs),
        };
        var options = new WitMotionSensorOptions { Link = link, SampleRateHz = rateHz };
        var lumbar = new WitMotionSensorModel(plan, SensorPlacement.Lumbar, options);
        var pelvis = new WitMotionSensorModel(plan, SensorPlacement.Pelvis, options);
        var l = SimulatedPair.EstimateTimes(lumbar.Readings(), lumbar.SampleRateHz);
        var p = SimulatedPair.EstimateTimes(pelvis.Readings(), pelvis.SampleRateHz);
        var errors = SimulatedPair.AlignmentErrors(l, p);
        double p95 = SimulatedPair.Percentile(errors, 0.95) / 1000;
        double p50 = SimulatedPair.Percentile(errors, 0.5) / 1000;
        double max = errors.Max() / 1000;
        output.WriteLine($"{scenario} seed {seed}, {rateHz} Hz, intervals {lumbar.ConnectionInterval.TotalMilliseconds:F1}/{pelvis.ConnectionInterval.TotalMilliseconds:F1} ms: alignment |error| p50 {p50:F1} ms, p95 {p95:F1} ms, max {max:F1} ms over {errors.Count} samples");
        Assert.True(p95 <= 20, $"p95 {p95:F1} ms");
    }

    /// <summary>
    /// The same two sensors, the same link (BLE-like batching, 10 ms jitter, 1 % loss: the 0x50 packet travels over
    /// SPP, which batches alike), once timed by arrival only and once by their time packets: the sensor clock aligns
    /// them better.
    /// </summary>
    [Theory]
    [InlineData(BuiltInScenarios.QuickDemo, 1, 50, true)]
    [InlineData(BuiltInScenarios.QuickDemo, 2, 50, false)]
    [InlineData(BuiltInScenarios.SustainTest, 3, 100, true)]
    [InlineData(BuiltInScenarios.QuickDemo, 4, 25, true)]
    public void TimePackets_AlignTwoSensorsBetterThanArrivals(string scenario, int seed, double rateHz, bool clockSet)
    {
        SimulationPlan plan = SimulatedPair.Plan(scenario, seed);
        double Alignment(bool timePackets, double percentile)
        {
            var options = new WitMotionSensorOptions { SampleRateHz = rateHz, TimePackets = timePackets, ClockSet = clockSet };
            var lumbar = new WitMotionSensorModel(plan, SensorPlacement.Lumbar, options);
            var pelvis = new WitMotionSensorModel(plan, SensorPlacement.Pelvis, options);
            var l = SimulatedPair.EstimateTimes(lumbar.Readings(), rateHz);
            var p = SimulatedPair.EstimateTimes(pelvis.Readings(), rateHz);
            return SimulatedPair.Percentile(SimulatedPair.AlignmentErrors(l, p), percentile) / 1000;
        }

        double arrivalsP95 = Alignment(timePackets: false, 0.95), clockP95 = Alignment(timePackets: true, 0.95);
        double arrivalsMax = Alignment(timePackets: false, 1), clockMax = Alignment(timePackets: true, 1);
        output.WriteLine($"{scenario} seed {seed}, {rateHz} Hz, clock {(clockSet ? "set" : "unset")}: alignment |error| p95 {arrivalsP95:F1} ms by arrivals, {clockP95:F1} ms with time packets; max {arrivalsMax:F1} / {clockMax:F1} ms");
        Assert.True(clockP95 < arrivalsP95, $"p95 {clockP95:F1} ms with time packets, {arrivalsP95:F1} ms without");
        Assert.True(clockMax <= arrivalsMax, $"max {clockMax:F1} ms with time packets, {arrivalsMax:F1} ms without");
        Assert.True(clockP95 <= 20);
    }

    /// <summary>A 50 Hz stream with its sensor clock (whole ms), each sample delayed 1 ms + 0–40 ms, read in order.</summary>
    private static IEnumerable<(long Arrival, long Sensor, long True)> ClockedStream(int count, long sensorStart, double skewPpm = 2000, int seed = 1)
    {
        var random = new Random(seed);
        double period = 20_000 / (1 + (skewPpm / 1e6));
        for (int k = 0; k < count; k++)
        {
            long truth = 1_000_000 + (long)Math.Round(k * period);
            yield return (truth + 1000 + random.Next(0, 40_000), (sensorStart + (k * 20_000L)) / 1000 * 1000, truth);
        }
    }

    private static List<(long Estimated, long True)> Run(IEnumerable<(long Arrival, long? Sensor, long True)> stream, out SampleClock<long> clock)
    {
        clock = new SampleClock<long>(50);
        var given = new List<TimedValue<long>>();
        long last = long.MinValue;
        foreach (var (arrival, sensor, truth) in stream)
        {
            last = Math.Max(last, arrival); // the host reads in order
            clock.Add(last, sensor, truth);
            clock.Release(last, given);
        }

        clock.Flush(given);
        return given.Select(g => (g.TimeMicroseconds, g.Value)).ToList();
    }

    private static double WorstOffsetSpread(IEnumerable<(long Estimated, long True)> times)
    {
        var offsets = times.Select(t => (double)(t.Estimated - t.True)).ToList();
        return offsets.Max() - offsets.Min();
    }

    [Fact]
    public void SensorClock_FollowsDriftAndBatching_WithinAFewMilliseconds()
    {
        var times = Run(ClockedStream(50 * 600, sensorStart: 900_000_000_000, skewPpm: 3000).Select(s => (s.Arrival, (long?)s.Sensor, s.True)), out var clock);
        var settled = times.Skip(50 * 10).ToList();

        // One constant offset (the least delay) is harmless: both sensors of a wearer share it. What matters is its spread.
        Assert.True(WorstOffsetSpread(settled) <= 3_000, $"offset spread {WorstOffsetSpread(settled) / 1000:F1} ms");
        Assert.Equal(0, clock.ClockJumps);
        Assert.Equal(0, clock.InferredLosses);
    }

    [Fact]
    public void SensorClock_LostSamples_AreCountedFromTheClock_AndTheOthersKeepTheirTimes()
    {
        var stream = ClockedStream(50 * 120, sensorStart: 0).Where((_, k) => k % 97 != 50).Select(s => (s.Arrival, (long?)s.Sensor, s.True));
        var times = Run(stream, out var clock);
        Assert.Equal(50 * 120 / 97 + 1, clock.InferredLosses);
        Assert.True(WorstOffsetSpread(times.Skip(500)) <= 3_000);
    }

    [Theory]
    [InlineData(3_600_000_000L)] // set forward by an hour
    [InlineData(-86_399_000_000L)] // an undated clock wrapping at midnight
    [InlineData(-5_000_000L)] // set back by 5 s
    public void SensorClock_Jump_StartsTheLineAfresh_WithoutMovingTheTimeLine(long jumpMicroseconds)
    {
        var stream = ClockedStream(50 * 120, sensorStart: 86_340_000_000)
            .Select((s, k) => (s.Arrival, (long?)(k >= 3000 ? s.Sensor + jumpMicroseconds : s.Sensor), s.True));
        var times = Run(stream, out var clock);
        Assert.Equal(1, clock.ClockJumps);
        Assert.Equal(50 * 120, times.Count);
        Assert.True(times.Zip(times.Skip(1)).All(p => p.Second.Estimated > p.First.Estimated));
        var afterJump = times.Skip(3000 + (50 * 10)).ToList();
        var both = times.Take(3000).Skip(500).Concat(afterJump).ToList();
        Assert.True(WorstOffsetSpread(both) <= 3_000, $"offset spread {WorstOffsetSpread(both) / 1000:F1} ms");

        // The samples held when the clock jumped keep their times from the line before the jump.
        Assert.True(WorstOffsetSpread(times.Skip(500).Take(3000 - 500)) <= 3_000);
    }

    [Fact]
    public void SensorClock_RepeatedValue_IsTheNextPeriod()
    {
        // A lost or corrupt time packet: the reading keeps the clock of the packet before.
        var stream = ClockedStream(50 * 60, sensorStart: 0).ToList();
        var repeated = stream.Select((s, k) => (s.Arrival, (long?)(k % 50 == 25 ? stream[k - 1].Sensor : s.Sensor), s.True));
        var times = Run(repeated, out var clock);
        Assert.Equal(0, clock.ClockJumps);
        Assert.Equal(0, clock.InferredLosses);
        Assert.True(WorstOffsetSpread(times.Skip(500)) <= 3_000);
    }

    [Fact]
    public void TimePacketsTurnedOn_MidStream_StartANewSegment()
    {
        var stream = ClockedStream(50 * 60, sensorStart: 0).Select((s, k) => (s.Arrival, k < 1000 ? null : (long?)s.Sensor, s.True));
        var clock = new SampleClock<long>(50);
        var given = new List<TimedValue<long>>();
        long last = long.MinValue;
        foreach (var (arrival, sensor, truth) in stream)
        {
            last = Math.Max(last, arrival);
            clock.Add(last, sensor, truth);
            clock.Release(last, given);
        }

        clock.Flush(given);
        Assert.Equal(1, clock.Gaps);
        Assert.Equal([1_000_000, 1_000_000 + (long)Math.Round(1000 * 20_000 / 1.002)], given.Where(g => g.StartsSegment).Select(g => g.Value));
        Assert.True(given.Zip(given.Skip(1)).All(p => p.Second.TimeMicroseconds > p.First.TimeMicroseconds));
    }
}
