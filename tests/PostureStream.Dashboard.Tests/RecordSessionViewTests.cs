using Microsoft.Playwright;
using PostureStream.Simulation.Weeks;
using PostureStream.Storage.Programmes;
using PostureStream.Storage.Sqlite;
using PostureStream.Storage.Trends;
using PostureStream.Testing;
using static Microsoft.Playwright.Assertions;

namespace PostureStream.Dashboard.Tests;

/// <summary>
/// "Record a session" on a dashboard that records sessions (as the one <c>run</c> serves): a real SQLite store with three
/// simulated weeks and an open programme, written to by a real <see cref="ProgrammeBook"/> through the dashboard's POST.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RecordSessionViewTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly TempDirectory folder = new("posturestream-dash-session-");
    private SqliteStore? store;
    private RunningDashboard? dashboard;

    private string StorePath => folder.Sub("sessions.db");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var profile = new WeeksProfile { Days = 21, ProgrammeStartDay = 7, WearingHours = 2 };
        await SimulatedProgrammeStore.WriteAsync(StorePath, profile, seed: 5, timeout.Token);
        store = SqliteStore.Open(new SqliteStoreOptions { Path = StorePath });
        dashboard = await DashboardServer.StartAsync(
            new DashboardOptions
            {
                ListenUrl = "http://127.0.0.1:0",
                Zone = TimeZoneInfo.Utc,
                Programmes = new ProgrammeBook(SqliteProgrammeQueries.Open(StorePath), store, TimeZoneInfo.Utc),
            },
            SqliteTrendQueries.Open(StorePath),
            SqliteProgrammeQueries.Open(StorePath),
            live: null,
            CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (dashboard is not null)
        {
            await dashboard.DisposeAsync();
        }

        if (store is not null)
        {
            await store.DisposeAsync();
        }

        folder.Dispose();
    }

    [Fact]
    public async Task RecordASession_PostsItToTheProgramme_AndTheStoreKeepsIt()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(dashboard!.Address, "/#trends?from=2026-03-01&to=2026-03-21").ToString());
        var form = page.Locator($"article.programme[data-programme-id='{SimulatedProgrammeStore.ProgrammeId}'] form.record-session");
        await Expect(form).ToHaveCountAsync(1);

        await form.Locator("input[name='minutes']").FillAsync("25");
        await form.Locator("input[name='note']").FillAsync("after work");
        await form.Locator("button[type='submit']").ClickAsync();

        await Expect(form.Locator("output")).ToHaveAttributeAsync("data-recorded", "true");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await store!.FlushAsync(timeout.Token);
        var all = new TrendQuery(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc), null, TimeZoneInfo.Utc);
        var recorded = Assert.Single(await SqliteProgrammeQueries.Open(StorePath).SessionsAsync(all, timeout.Token), s => s.Note == "after work");
        Assert.Equal(TimeSpan.FromMinutes(25), recorded.Duration);
        Assert.Equal(Vocabulary.SessionSource.Dashboard, recorded.Source);
        Assert.Equal(SimulatedProgrammeStore.ProgrammeId, recorded.ProgrammeId);
    }
}
