using PostureStream.Analysis;
using PostureStream.Simulation.Weeks;
using PostureStream.Storage.Programmes;
using PostureStream.Storage.Trends;
using PostureStream.Testing;

namespace PostureStream.Dashboard.Tests;

/// <summary>
/// A dashboard on 127.0.0.1 over a real SQLite store filled with eight simulated weeks of a tight-hamstring wearer:
/// two baseline weeks, then a six-week stretching programme (three sessions a week planned) that raises the habitual
/// standing pelvic tilt by 3° over its first two weeks.
/// </summary>
public sealed class ProgrammeDashboardFixture : IAsyncLifetime
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

    private readonly TempDirectory folder = new("posturestream-dash-programme-");

    public RunningDashboard Dashboard { get; private set; } = null!;

    public SimulatedWeeks Weeks { get; private set; } = null!;

    public static DateOnly ProgrammeStart => Profile.FirstDay.AddDays(Profile.ProgrammeStartDay!.Value);

    public static DateOnly LastDay => Profile.FirstDay.AddDays(Profile.Days - 1);

    public string StorePath => folder.Sub("six-weeks.db");

    /// <summary>The days as the analysis reads them from the simulation itself, without any store (neutrals as a store keeps them).</summary>
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
        Weeks = await SimulatedProgrammeStore.WriteAsync(StorePath, Profile, seed: 22, timeout.Token);
        Dashboard = await DashboardServer.StartAsync(
            new DashboardOptions { ListenUrl = "http://127.0.0.1:0", Zone = TimeZoneInfo.Utc },
            SqliteTrendQueries.Open(StorePath),
            SqliteProgrammeQueries.Open(StorePath),
            live: null,
            CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (Dashboard is not null)
        {
            await Dashboard.DisposeAsync();
        }

        folder.Dispose();
    }
}
