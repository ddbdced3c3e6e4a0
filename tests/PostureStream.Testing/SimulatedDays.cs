using PostureStream.Analysis;
using PostureStream.Simulation.Weeks;

namespace PostureStream.Testing;

/// <summary>
/// Simulated weeks (<see cref="WeeksSimulator"/>) read into days as the analysis reads a store (UTC days): the
/// per-minute summaries, bends and standing neutrals, straight from the simulation, without any store. The ground
/// truth the analysis tests and the evaluation harness compare against.
/// </summary>
public static class SimulatedDays
{
    /// <summary>The days with every neutral the simulation took.</summary>
    public static IReadOnlyList<DayMetrics> Of(SimulatedWeeks weeks)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        return DayMetricsBuilder.Build(
            weeks.Minutes.Select(m => MinuteDigests.FromSummary(
                m.StartUtc, m.SecondsStanding, m.SecondsSitting, m.SecondsWalking, m.SecondsBending, 0,
                m.SecondsFlattened, m.SecondsHyperextended, m.MeanPelvicTilt, m.MeanLordosisDelta)),
            weeks.Bends.Select(b => new BendDigest(b.TimeUtc, b.LumbarDominant)),
            weeks.Neutrals.Select(n => new NeutralReading(n.TimeUtc, n.PelvisPitch, n.Lordosis)),
            TimeZoneInfo.Utc);
    }
}
