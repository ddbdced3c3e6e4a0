using System.Net;
using System.Text.Json;
using PostureStream.Storage.Stores;
using PostureStream.Testing;

namespace PostureStream.Dashboard.Tests;

/// <summary>
/// InfluxDB unreachable: the API answers 503 with a JSON message (it was a 500 with an empty body and a blank
/// page), the dashboard logs it once, and the page shows it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StoreUnavailableTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly List<string> warnings = [];
    private RunningDashboard dashboard = null!;

    public async Task InitializeAsync()
    {
        // Nothing listens on a port that was free a moment ago: connections are refused, as with InfluxDB down.
        var trends = StoreFactory.OpenQueries($"influxdb-v1:http://127.0.0.1:{FreePort.Next()}?db=posture");
        var options = new DashboardOptions
        {
            ListenUrl = "http://127.0.0.1:0",
            Zone = TimeZoneInfo.Utc,
            Warn = text =>
            {
                lock (warnings)
                {
                    warnings.Add(text);
                }
            },
        };
        dashboard = await DashboardServer.StartAsync(options, trends, live: null, CancellationToken.None);
    }

    public async Task DisposeAsync() => await dashboard.DisposeAsync();

    [Fact]
    public async Task Api_Answers503WithAJsonMessage_AndLogsItOnce()
    {
        using var client = new HttpClient { BaseAddress = dashboard.Address };

        using var devices = await client.GetAsync("/api/devices");
        using var chart = await client.GetAsync("/api/charts/alerts.svg?device=all&from=2026-01-01&to=2026-01-02");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, devices.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, chart.StatusCode);
        using var body = JsonDocument.Parse(await devices.Content.ReadAsStringAsync());
        string message = body.RootElement.GetProperty("error").GetString()!;
        Assert.StartsWith("the store cannot be read: ", message, StringComparison.Ordinal);
        lock (warnings)
        {
            Assert.Equal([message], warnings);
        }
    }

    [Fact]
    public async Task Page_ShowsTheStoreMessage()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(dashboard.Address, "/#trends").ToString());

        await Microsoft.Playwright.Assertions.Expect(page.Locator("#trend-error")).ToContainTextAsync("the store cannot be read");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#view-trends")).ToBeVisibleAsync();
    }
}
