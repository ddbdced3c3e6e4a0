using PostureStream.Signals.Wearers;
using PostureStream.Simulation;
using PostureStream.Simulation.Scenarios;
using PostureStream.Simulation.WitMotion;
using SimVector = PostureStream.Simulation.WitMotion.Vector3D;

namespace PostureStream.Signals.Tests.Wearers;

/// <summary>Two simulated WitMotion sensors on one wearer, and what the signal side makes of their streams.</summary>
internal static class SimulatedPair
{
    public static SimulationPlan Plan(string scenario, int seed) => SimulationPlan.Create(ScenarioCatalog.Resolve(scenario), seed);

    /// <summary>
    /// Each delivered reading's estimated sample time next to its true one, µs. The sensor clock of the time packets
    /// is used when the sensor sends them.
    /// </summary>
    public static List<(long Estimated, long True)> EstimateTimes(IEnumerable<WitMotionReading> readings, double rateHz, SampleClockOptions? options = null)
    {
        var clock = new SampleClock<long>(rateHz, options);
        var given = new List<TimedValue<long>>();
        foreach (WitMotionReading r in readings.Where(r => r.IsDelivered))
        {
            clock.Add(r.ArrivalTimeMicroseconds, r.SensorClockMicroseconds, r.SampleTimeMicroseconds);
            clock.Release(r.ArrivalTimeMicroseconds, given);
        }

        clock.Flush(given);
        return given.Select(g => (g.TimeMicroseconds, g.Value)).ToList();
    }

    /// <summary>
    /// |(estimated − true) of the lumbar stream − (estimated − true) of the pelvis stream| at each lumbar sample, µs:
    /// how far the two sensors' time lines are misaligned, the pelvis error taken from its nearest sample in true time.
    /// </summary>
    public static List<double> AlignmentErrors(List<(long Estimated, long True)> lumbar, List<(long Estimated, long True)> pelvis)
    {
        var errors = new List<double>(lumbar.Count);
        int j = 0;
        foreach (var (estimated, truth) in lumbar)
        {
            while (j + 1 < pelvis.Count && Math.Abs(pelvis[j + 1].True - truth) <= Math.Abs(pelvis[j].True - truth))
            {
                j++;
            }

            if (Math.Abs(pelvis[j].True - truth) > 100_000)
            {
                continue; // the pelvis sensor is away here
            }

            errors.Add(Math.Abs((estimated - truth) - (pelvis[j].Estimated - pelvis[j].True)));
        }

        return errors;
    }

    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted[(int)Math.Round(p * (sorted.Length - 1))];
    }

    public static Signals.Wearers.Vector3D Up(WitMotionReading r) => GravityDirection.FromEulerDegrees(r.RollDegrees, r.PitchDegrees);

    public static Signals.Wearers.Vector3D ToSignals(SimVector v) => new(v.X, v.Y, v.Z);
}
