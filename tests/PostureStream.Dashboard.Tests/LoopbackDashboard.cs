using PostureStream.Dashboard.Live;

namespace PostureStream.Dashboard.Tests;

/// <summary>A dashboard on 127.0.0.1 over the seeded data and a hub, with a client for it.</summary>
public sealed class LoopbackDashboard : IAsyncLifetime
{
    public LiveFeedHub Hub { get; } = new();

    public RunningDashboard Dashboard { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Dashboard = await DashboardServer.StartAsync(
            new DashboardOptions { ListenUrl = "http://127.0.0.1:0", Zone = TimeZoneInfo.Utc }, await SeededTrends.OpenAsync(), Hub, CancellationToken.None);
        Client = new HttpClient { BaseAddress = Dashboard.Address };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        Hub.Dispose();
        await Dashboard.DisposeAsync();
    }
}
