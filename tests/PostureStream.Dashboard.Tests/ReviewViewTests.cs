using System.Globalization;
using Microsoft.Playwright;
using PostureStream.Analysis;
using PostureStream.Testing;
using static Microsoft.Playwright.Assertions;

namespace PostureStream.Dashboard.Tests;

/// <summary>
/// The physiotherapist's view in Chromium over a real SQLite store of a simulated six-week programme: the pattern
/// card, the programme and its sessions on the trend charts, the before/after panel and the adherence.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReviewViewTests(BrowserFixture browser, ProgrammeDashboardFixture store) : IClassFixture<ProgrammeDashboardFixture>
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    // The whole eight weeks: two of baseline, six of programme.
    private async Task<IPage> OpenWholeRangeAsync()
    {
        var page = await browser.NewPageAsync(1280, 1000);
        await page.GotoAsync(new Uri(store.Dashboard.Address, "/#trends").ToString());
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-trends-loaded", new System.Text.RegularExpressions.Regex("^[1-9]"));
        string loaded = (await page.Locator("body").GetAttributeAsync("data-trends-loaded"))!;
        await page.Locator("#from").FillAsync(SixWeekProgramme.Profile.FirstDay.ToString("yyyy-MM-dd", Inv));
        await Expect(page.Locator("body")).Not.ToHaveAttributeAsync("data-trends-loaded", loaded);
        await Expect(page.Locator("#chart-pelvic_tilt svg")).ToHaveAttributeAsync("data-from", "2026-03-01T00:00:00Z");
        return page;
    }

    [Fact]
    public async Task ReviewPanel_ShowsPatternCardBeforeAfterAndAdherence_FromTheStore()
    {
        var page = await OpenWholeRangeAsync();
        var expectedPattern = PatternClassifier.Classify(store.Days, new PatternOptions());
        var expectedTilt = EffectEstimator.Estimate(
            DailyMetrics.Series(store.Days, DailyMetric.StandingPelvicInclination), DailyMetric.StandingPelvicInclination,
            SixWeekProgramme.ProgrammeStart, null, new EffectOptions());

        var card = page.Locator("#review-panel article.pattern-card");
        await Expect(card).ToHaveAttributeAsync("data-pattern", "flattening");
        await Expect(card).ToHaveAttributeAsync("data-days-agreeing", expectedPattern.DaysAgreeing.ToString(Inv));
        await Expect(card.Locator(".headline")).ToContainTextAsync("Consistent with a flattening pattern");
        await Expect(card.Locator(".disclaimer")).ToHaveTextAsync("This summarises measurements; it is not a diagnosis. Discuss it with your physiotherapist.");

        var tilt = page.Locator("#review-panel tr.effect[data-metric='StandingPelvicInclination']");
        await Expect(tilt).ToHaveAttributeAsync("data-verdict", "change");
        Assert.Equal(expectedTilt.Difference, double.Parse((await tilt.GetAttributeAsync("data-difference"))!, Inv), 3);
        await Expect(page.Locator("#review-panel .effect-headline")).ToHaveTextAsync(EffectWording.Sentence(expectedTilt));
        await Expect(page.Locator("#review-panel tr.effect")).ToHaveCountAsync(7);
        await Expect(page.Locator("#review-panel svg[data-chart='effect'] line.week-mean")).ToHaveCountAsync(6);
        await Expect(page.Locator("#review-panel svg[data-chart='effect'] circle.point")).ToHaveCountAsync(56);

        int sessions = SimulatedProgrammeStore.Sessions(SixWeekProgramme.ProgrammeStart, 42).Count;
        await Expect(page.Locator("#review-panel .adherence")).ToHaveAttributeAsync("data-done", sessions.ToString(Inv));
        await Expect(page.Locator("#review-panel .adherence-weeks tbody tr")).ToHaveCountAsync(6);

        // 'posturestream dashboard' only reads the store: no session button.
        await Expect(page.Locator("#review-panel form.record-session")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TrendCharts_MarkTheProgrammeAndEverySession()
    {
        var page = await OpenWholeRangeAsync();
        int sessions = SimulatedProgrammeStore.Sessions(SixWeekProgramme.ProgrammeStart, 42).Count;

        foreach (var chart in new[] { "#chart-pelvic_tilt", "#chart-lordosis_delta", "#chart-state", "#chart-activity" })
        {
            var band = page.Locator($"{chart} svg g.annotations rect.programme");
            await Expect(band).ToHaveCountAsync(1);
            await Expect(band).ToHaveAttributeAsync("data-programme-id", SimulatedProgrammeStore.ProgrammeId.ToString(Inv));
            await Expect(band).ToHaveAttributeAsync("data-start", "2026-03-15T00:00:00Z");
            await Expect(page.Locator($"{chart} svg g.annotations line.session")).ToHaveCountAsync(sessions);
            await Expect(page.Locator($"{chart} svg text.programme-label")).ToHaveTextAsync(SimulatedProgrammeStore.ProgrammeName);
        }
    }

    /// <summary>
    /// The walk-through's picture (Dashboard README): the trend view of the whole eight weeks, saved to
    /// TestResults/dashboard/review-six-weeks.png.
    /// </summary>
    [Fact]
    public async Task Walkthrough_LinkNamingTheRange_OpensTheWholeProgramme_Screenshot()
    {
        var page = await browser.NewPageAsync(1280, 1000);
        await page.GotoAsync(new Uri(store.Dashboard.Address, $"/#trends?from=2026-03-01&to=2026-04-25&device={SimulatedProgrammeStore.DeviceId}").ToString());
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-trends-loaded", new System.Text.RegularExpressions.Regex("^[1-9]"));
        await Expect(page.Locator("#chart-pelvic_tilt svg")).ToHaveAttributeAsync("data-from", "2026-03-01T00:00:00Z");
        await Expect(page.Locator("#chart-pelvic_tilt svg")).ToHaveAttributeAsync("data-to", "2026-04-26T00:00:00Z");
        await Expect(page.Locator("#device")).ToHaveValueAsync(SimulatedProgrammeStore.DeviceId);
        await Expect(page.Locator("#review-panel article.pattern-card")).ToHaveCountAsync(1);

        var path = Path.Combine(BrowserFixture.ArtifactFolder, "review-six-weeks.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 20_000);
    }
}
