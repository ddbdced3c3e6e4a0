using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PostureStream.Dashboard.Tests;

[Collection(BrowserCollection.Name)]
public sealed class TrendViewTests(BrowserFixture fixture)
{
    private async Task<IPage> OpenTrendsAsync(int width = 1280, int height = 900)
    {
        var page = await fixture.NewPageAsync(width, height);
        await page.GotoAsync(new Uri(fixture.StoredDashboard.Address, "/#trends").ToString());
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-trends-loaded", "1");
        return page;
    }

    [Fact]
    public async Task Trends_ByDefault_ShowLast30DaysOfDataAsDailyMeanLinesWithMinMaxBands()
    {
        var page = await OpenTrendsAsync();

        foreach (var metric in new[] { "pelvic_tilt", "lordosis_delta" })
        {
            var chart = page.Locator($"#chart-{metric} svg[data-chart='angles']");
            await Expect(chart).ToHaveAttributeAsync("data-metric", metric);
            await Expect(chart).ToHaveAttributeAsync("data-buckets", "30");
            await Expect(chart).ToHaveAttributeAsync("data-from", "2026-10-02T00:00:00Z");
            await Expect(chart).ToHaveAttributeAsync("data-to", "2026-11-01T00:00:00Z");
            await Expect(chart.Locator($"polyline.mean[data-series='{metric}-mean']")).ToHaveAttributeAsync("data-points", "30");
            await Expect(chart.Locator($"polygon.band[data-series='{metric}-band']")).ToHaveCountAsync(1);
            await Expect(chart.Locator("circle.point")).ToHaveCountAsync(30);
        }
    }

    [Fact]
    public async Task Trends_PelvicTiltPoints_CarryTheSeededDailyMeans()
    {
        var page = await OpenTrendsAsync();
        await page.SelectOptionAsync("#device", SeededTrends.DeskId);
        var last = page.Locator("#chart-pelvic_tilt svg[data-device='00000000000000a1'] circle.point").Last;

        // desk's tilt on 31 October: 9 − 91 × 0.05 plus the mean of sin(h/3) over the worn hours.
        var wobble = Enumerable.Range(SeededTrends.WornFromHour, SeededTrends.WornToHour - SeededTrends.WornFromHour).Average(h => Math.Sin(h / 3.0));
        var expected = 9 - (91 * 0.05) + wobble;
        Assert.Equal("2026-10-31T00:00:00Z", await last.GetAttributeAsync("data-start"));
        Assert.Equal(expected, double.Parse((await last.GetAttributeAsync("data-mean"))!, CultureInfo.InvariantCulture), 2);
    }

    [Fact]
    public async Task Trends_ChangingRangeAndGrain_RedrawsWithThatManyBuckets()
    {
        var page = await OpenTrendsAsync();

        await page.ClickAsync(".presets button[data-days='7']");
        await Expect(page.Locator("#chart-pelvic_tilt svg")).ToHaveAttributeAsync("data-buckets", "7");
        await Expect(page.Locator("#chart-pelvic_tilt svg")).ToHaveAttributeAsync("data-from", "2026-10-25T00:00:00Z");
        await Expect(page.Locator("#chart-state svg")).ToHaveAttributeAsync("data-buckets", "7");
        await Expect(page.Locator("#chart-alerts svg")).ToHaveAttributeAsync("data-raised-flattening", "7");

        await page.SelectOptionAsync("#state-grain", "hour");
        await Expect(page.Locator("#chart-state svg")).ToHaveAttributeAsync("data-buckets", (7 * 15).ToString(CultureInfo.InvariantCulture));

        await page.ClickAsync(".presets button[data-days='90']");
        await page.SelectOptionAsync("#angle-grain", "month");
        await Expect(page.Locator("#chart-pelvic_tilt svg")).ToHaveAttributeAsync("data-grain", "month");
        await Expect(page.Locator("#chart-pelvic_tilt svg")).ToHaveAttributeAsync("data-buckets", "3"); // Aug (from the 3rd), Sep, Oct
        await Expect(page.Locator("#state-grain")).ToHaveValueAsync("day"); // hours over 90 days are refused, so the page steps up
    }

    [Fact]
    public async Task Trends_TimeInState_StacksEachStateWithTheSeededSeconds()
    {
        var page = await OpenTrendsAsync();
        var chart = page.Locator("#chart-state svg[data-chart='time-in-state']");
        var worn = SeededTrends.WornToHour - SeededTrends.WornFromHour;
        foreach (var (state, perHour) in new[] { ("neutral", 2400), ("flattened", 600), ("hyperextended", 300), ("uncalibrated", 300) })
        {
            var series = chart.Locator($"g.series[data-series='{state}']");
            await Expect(series.Locator("rect")).ToHaveCountAsync(30);
            Assert.Equal(perHour * worn * 2, double.Parse((await series.Locator("rect").First.GetAttributeAsync("data-seconds"))!, CultureInfo.InvariantCulture));
        }

        await Expect(page.Locator("#chart-activity svg g.series[data-series='walking'] rect")).ToHaveCountAsync(30);
    }

    [Fact]
    public async Task Trends_AlertsAndBends_AreCountedForThePickedDevice()
    {
        var page = await OpenTrendsAsync();
        await page.SelectOptionAsync("#device", SeededTrends.GymId);

        var alerts = page.Locator("#chart-alerts svg[data-device='00000000000000b2']");
        await Expect(alerts).ToHaveAttributeAsync("data-raised-flattening", "0");
        await Expect(alerts).ToHaveAttributeAsync("data-raised-hyperextension", "10"); // days 3, 6, ... 30 of October
        await Expect(alerts.Locator("circle.alert.raised")).ToHaveCountAsync(10);
        await Expect(alerts).ToContainTextAsync("hyperextension: 10 raised, 10 reminders");

        var bends = page.Locator("#chart-bends svg[data-device='00000000000000b2']");
        await Expect(bends).ToHaveAttributeAsync("data-bends", "90");
        await Expect(bends).ToHaveAttributeAsync("data-lumbar-dominant", "30");
        await Expect(bends.Locator("circle.bend.lumbar-dominant")).ToHaveCountAsync(30);

        await Expect(page.Locator("#status li")).ToHaveCountAsync(1);
        await Expect(page.Locator("#status li")).ToContainTextAsync("pelvis sensor fault");
    }

    [Fact]
    public async Task Trends_OnAPhone_FitTheScreenWidth()
    {
        var page = await OpenTrendsAsync(390, 844);
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the page is {overflow} px wider than a 390 px phone screen");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactFolder, "trends-phone.png"), FullPage = true });
    }

    [Fact]
    public async Task Trends_Screenshot_IsKeptAsATestArtifact()
    {
        var page = await OpenTrendsAsync();
        var path = Path.Combine(BrowserFixture.ArtifactFolder, "trends.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 10_000);
    }

    [Fact]
    public async Task LiveTab_WithoutAFeed_SaysThereIsNone()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.StoredDashboard.Address, "/#live").ToString());
        await Expect(page.Locator("#live-message")).ToContainTextAsync("no live feed");
        await Expect(page.Locator("#live-devices article")).ToHaveCountAsync(0);
    }
}
