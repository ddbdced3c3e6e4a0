using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PostureStream.Dashboard.Tests;

/// <summary>The trend view over a real SQLite store: the seeded series are drawn, and the range picker redraws them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SqliteTrendViewTests(BrowserFixture browser, SqliteDashboardFixture sqlite) : IClassFixture<SqliteDashboardFixture>
{
    private const int LastDay = SqliteSeed.Days - 1;

    private async Task<IPage> OpenTrendsAsync()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(sqlite.Dashboard.Address, "/#trends").ToString());
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-trends-loaded", new System.Text.RegularExpressions.Regex("^[1-9]"));
        return page;
    }

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task<double> MeanAsync(ILocator point) =>
        double.Parse((await point.GetAttributeAsync("data-mean"))!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task SqliteTrends_ByDefault_DrawTheLast30SeededDaysOfEachSeries()
    {
        var page = await OpenTrendsAsync();
        await Expect(page.Locator("#device option[value='" + SqliteSeed.DeviceId + "']")).ToHaveTextAsync($"kitchen ({SqliteSeed.DeviceId})");

        foreach (var (metric, expected) in new (string, Func<int, double>)[] { ("pelvic_tilt", SqliteSeed.PelvicTilt), ("lordosis_delta", SqliteSeed.LordosisDelta) })
        {
            var chart = page.Locator($"#chart-{metric} svg[data-chart='angles']");
            await Expect(chart).ToHaveAttributeAsync("data-buckets", "30");
            await Expect(chart).ToHaveAttributeAsync("data-from", "2026-09-11T00:00:00Z");
            await Expect(chart).ToHaveAttributeAsync("data-to", "2026-10-11T00:00:00Z");
            await Expect(chart.Locator($"polyline.mean[data-series='{metric}-mean']")).ToHaveAttributeAsync("data-points", "30");
            await Expect(chart.Locator($"polygon.band[data-series='{metric}-band']")).ToHaveCountAsync(1);
            var points = chart.Locator("circle.point");
            await Expect(points).ToHaveCountAsync(30);

            // Each day's mean comes back from SQLite as it was written (ten equal minutes a day).
            Assert.Equal("2026-09-11T00:00:00Z", await points.First.GetAttributeAsync("data-start"));
            Assert.Equal(expected(LastDay - 29), await MeanAsync(points.First), 9);
            Assert.Equal(expected(LastDay), await MeanAsync(points.Last), 9);
        }

        var neutral = page.Locator("#chart-state svg[data-chart='time-in-state'] g.series[data-series='neutral'] rect");
        await Expect(neutral).ToHaveCountAsync(30);
        await Expect(neutral.First).ToHaveAttributeAsync("data-seconds", Invariant(SqliteSeed.NeutralSecondsPerMinute * SqliteSeed.MinutesPerDay));
        await Expect(page.Locator("#chart-alerts svg")).ToHaveAttributeAsync("data-raised-flattening", Invariant(SqliteSeed.RaisedBetween(LastDay - 29, LastDay)));
        await Expect(page.Locator("#chart-bends svg")).ToHaveAttributeAsync("data-bends", "30");
        await Expect(page.Locator("#status li")).ToContainTextAsync("kitchen: battery 77%");

        var path = Path.Combine(BrowserFixture.ArtifactFolder, "trends-sqlite.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 10_000);
    }

    [Fact]
    public async Task SqliteTrends_ChangingTheRange_ChangesTheBucketsAlertsAndBends()
    {
        var page = await OpenTrendsAsync();
        var tilt = page.Locator("#chart-pelvic_tilt svg");
        await Expect(tilt).ToHaveAttributeAsync("data-buckets", "30");

        await page.ClickAsync(".presets button[data-days='7']");
        await Expect(tilt).ToHaveAttributeAsync("data-from", "2026-10-04T00:00:00Z");
        await Expect(tilt).ToHaveAttributeAsync("data-buckets", "7");
        Assert.Equal(SqliteSeed.PelvicTilt(LastDay - 6), await MeanAsync(tilt.Locator("circle.point").First), 9);
        await Expect(page.Locator("#chart-state svg g.series[data-series='neutral'] rect")).ToHaveCountAsync(7);
        await Expect(page.Locator("#chart-alerts svg")).ToHaveAttributeAsync("data-raised-flattening", Invariant(SqliteSeed.RaisedBetween(LastDay - 6, LastDay)));
        await Expect(page.Locator("#chart-bends svg")).ToHaveAttributeAsync("data-bends", "7");

        // 90 days reach back before the first seeded day: every day is drawn, and no more.
        await page.ClickAsync(".presets button[data-days='90']");
        await Expect(tilt).ToHaveAttributeAsync("data-from", "2026-07-13T00:00:00Z");
        await Expect(tilt).ToHaveAttributeAsync("data-buckets", Invariant(SqliteSeed.Days));
        Assert.Equal("2026-09-01T00:00:00Z", await tilt.Locator("circle.point").First.GetAttributeAsync("data-start"));
        await Expect(page.Locator("#chart-alerts svg")).ToHaveAttributeAsync("data-raised-flattening", Invariant(SqliteSeed.RaisedBetween(0, LastDay)));

        await page.SelectOptionAsync("#angle-grain", "week");
        await Expect(tilt).ToHaveAttributeAsync("data-grain", "week");
        await Expect(tilt).ToHaveAttributeAsync("data-buckets", "6"); // Mondays 31 Aug, 7, 14, 21, 28 Sep, 5 Oct
    }
}
