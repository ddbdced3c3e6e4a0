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
}

