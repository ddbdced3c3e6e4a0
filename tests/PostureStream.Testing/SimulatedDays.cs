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
        return Build(weeks, weeks.Neutrals);
    }

    /// <summary>
    /// The days with the neutrals as a store keeps them: one point per series and time, so when the after-walk
    /// neutral falls on the morning one's minute, the later write wins (what <see cref="SimulatedProgrammeStore"/> leaves).
    /// </summary>
    public static IReadOnlyList<DayMetrics> AsStored(SimulatedWeeks weeks)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        return Build(weeks, weeks.Neutrals.GroupBy(n => n.TimeUtc).Select(g => g.Last()));
    }

    private static IReadOnlyList<DayMetrics> Build(SimulatedWeeks weeks, IEnumerable<SimulatedNeutral> neutrals) => DayMetricsBuilder.Build(
        weeks.Minutes.Select(m => MinuteDigests.FromSummary(
            m.StartUtc, m.SecondsStanding, m.SecondsSitting, m.SecondsWalking, m.SecondsBending, 0,
            m.SecondsFlattened, m.SecondsHyperextended, m.MeanPelvicTilt, m.MeanLordosisDelta)),
        weeks.Bends.Select(b => new BendDigest(b.TimeUtc, b.LumbarDominant)),
        neutrals.Select(n => new NeutralReading(n.TimeUtc, n.PelvisPitch, n.Lordosis)),
        TimeZoneInfo.Utc);
}
