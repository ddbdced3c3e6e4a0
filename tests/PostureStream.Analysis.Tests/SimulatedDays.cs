using PostureStream.Simulation.Weeks;

namespace PostureStream.Analysis.Tests;

/// <summary>Simulated weeks read into days as the analysis reads a store (UTC days).</summary>
internal static class SimulatedDays
{
    public static IReadOnlyList<DayMetrics> Of(SimulatedWeeks weeks) => DayMetricsBuilder.Build(
        weeks.Minutes.Select(m => MinuteDigests.FromSummary(
            m.StartUtc, m.SecondsStanding, m.SecondsSitting, m.SecondsWalking, m.SecondsBending, 0,
            m.SecondsFlattened, m.SecondsHyperextended, m.MeanPelvicTilt, m.MeanLordosisDelta)),
        weeks.Bends.Select(b => new BendDigest(b.TimeUtc, b.LumbarDominant)),
        weeks.Neutrals.Select(n => new NeutralReading(n.TimeUtc, n.PelvisPitch, n.Lordosis)),
        TimeZoneInfo.Utc);
}
