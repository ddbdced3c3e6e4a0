using PostureStream.Analysis;
using PostureStream.Simulation.Weeks;
using PostureStream.Storage.Programmes;
using PostureStream.Storage.Sqlite;
using PostureStream.Storage.Trends;
using PostureStream.Testing;

namespace PostureStream.Presentation.Tests.Review;

/// <summary>
/// A real SQLite store with two baseline weeks of a tight-hamstring wearer and a six-week programme that truly raises
/// the habitual standing pelvic tilt by 3° over its first two weeks; and what the analysis computes from the
/// simulation directly, for the tests to compare the HTML against.
/// </summary>
public sealed class SixWeekProgrammeStore : IAsyncLifetime
{
    public static readonly WeeksProfile Profile = new()
    {
        Type = WearerType.TightHamstring,
        Days = 56,
        ProgrammeStartDay = 14,
        EffectDegrees = 3,
        RampDays = 14,
        PatternReductionAtFullEffect = 0.3,
    };

    private readonly TempDirectory folder = new("posturestream-review-");

    public string Path => folder.Sub("six-weeks.db");

    public SimulatedWeeks Weeks { get; private set; } = null!;

    public static DateOnly ProgrammeStart => Profile.FirstDay.AddDays(Profile.ProgrammeStartDay!.Value);

    public static TrendQuery WholeRange => new(
        Profile.FirstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), Profile.FirstDay.AddDays(Profile.Days).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), null, TimeZoneInfo.Utc);

    public ITrendQueries Trends => SqliteTrendQueries.Open(Path);

    public IProgrammeQueries Programmes => SqliteProgrammeQueries.Open(Path);

    /// <summary>The days as the analysis reads them from the simulation, without any store (neutrals as a store keeps them).</summary>
    public IReadOnlyList<DayMetrics> Days => DayMetricsBuilder.Build(
        Weeks.Minutes.Select(m => MinuteDigests.FromSummary(
            m.StartUtc, m.SecondsStanding, m.SecondsSitting, m.SecondsWalking, m.SecondsBending, 0,
            m.SecondsFlattened, m.SecondsHyperextended, m.MeanPelvicTilt, m.MeanLordosisDelta)),
        Weeks.Bends.Select(b => new BendDigest(b.TimeUtc, b.LumbarDominant)),
        // A store keeps one point per series and time: when the after-walk neutral falls on the morning one's minute, the later write wins.
        Weeks.Neutrals.GroupBy(n => n.TimeUtc).Select(g => g.Last()).Select(n => new NeutralReading(n.TimeUtc, n.PelvisPitch, n.Lordosis)),
        TimeZoneInfo.Utc);

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        Weeks = await SimulatedProgrammeStore.WriteAsync(Path, Profile, seed: 22, timeout.Token);
    }

    public Task DisposeAsync()
    {
        folder.Dispose();
        return Task.CompletedTask;
    }
}
