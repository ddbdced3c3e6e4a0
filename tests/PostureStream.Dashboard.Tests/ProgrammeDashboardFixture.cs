using PostureStream.Analysis;
using PostureStream.Simulation.Weeks;
using PostureStream.Storage.Programmes;
using PostureStream.Storage.Trends;
using PostureStream.Testing;

namespace PostureStream.Dashboard.Tests;

/// <summary>A dashboard on 127.0.0.1 over a real SQLite store of the shared <see cref="SixWeekProgramme"/>.</summary>
public sealed class ProgrammeDashboardFixture : IAsyncLifetime
{
    private readonly TempDirectory folder = new("posturestream-dash-programme-");

    public RunningDashboard Dashboard { get; private set; } = null!;

    public SimulatedWeeks Weeks { get; private set; } = null!;

    public string StorePath => folder.Sub("six-weeks.db");

    /// <summary>The days as the analysis reads them from the simulation itself, without any store (neutrals as a store keeps them).</summary>
    public IReadOnlyList<DayMetrics> Days => SimulatedDays.AsStored(Weeks);

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        Weeks = await SixWeekProgramme.WriteAsync(StorePath, timeout.Token);
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
