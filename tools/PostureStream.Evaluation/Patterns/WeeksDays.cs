using PostureStream.Analysis;
using PostureStream.Simulation.Weeks;

namespace PostureStream.Evaluation.Patterns;

/// <summary>Simulated weeks read as the analysis reads a store: per-minute summaries, bends and neutrals into days (UTC).</summary>
internal static class WeeksDays
{
    public static IReadOnlyList<DayMetrics> Of(SimulatedWeeks weeks) => DayMetricsBuilder.Build(
        weeks.Minutes.Select(m => MinuteDigests.FromSummary(
            m.StartUtc, m.SecondsStanding, m.SecondsSitting, m.SecondsWalking, m.SecondsBending, 0,
            m.SecondsFlattened, m.SecondsHyperextended, m.MeanPelvicTilt, m.MeanLordosisDelta)),
        weeks.Bends.Select(b => new BendDigest(b.TimeUtc, b.LumbarDominant)),
        weeks.Neutrals.Select(n => new NeutralReading(n.TimeUtc, n.PelvisPitch, n.Lordosis)),
        TimeZoneInfo.Utc);
}
