using PostureStream.Storage.Trends;

namespace PostureStream.Dashboard.Tests;

/// <summary>A dashboard on 127.0.0.1 over a real SQLite file seeded with <see cref="SqliteSeed"/>, read by <see cref="SqliteTrendQueries"/>.</summary>
public sealed class SqliteDashboardFixture : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("posturestream-dash-sqlite-").FullName;

    public RunningDashboard Dashboard { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var path = Path.Combine(directory, "seed.db");
        await SqliteSeed.WriteAsync(path);
        Dashboard = await DashboardServer.StartAsync(
            new DashboardOptions { ListenUrl = "http://127.0.0.1:0", Zone = TimeZoneInfo.Utc },
            SqliteTrendQueries.Open(path),
            live: null,
            CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (Dashboard is not null)
        {
            await Dashboard.DisposeAsync();
        }

        Directory.Delete(directory, recursive: true);
    }
}
