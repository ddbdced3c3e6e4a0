using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PostureStream.Dashboard.Tests;

/// <summary>
/// The live view served by the real <c>run</c> over a simulated wearer (<see cref="InProcessRun"/>): the
/// page follows the stream, and its buttons reach the device's pipeline.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class RunLiveViewTests(BrowserFixture browser)
{
    [GeneratedRegex(@"^[+-]?\d+\.\d°$")]
    private static partial Regex Degrees();

    [GeneratedRegex(@"^[1-9]\d+$")]
    private static partial Regex TenOrMore();

    private async Task<(IPage Page, ILocator Card)> OpenLiveAsync(InProcessRun run)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(run.Dashboard, "/#live").ToString());
        var card = page.Locator($"article.card[data-device='{InProcessRun.DeviceId}']");
        await Expect(card.Locator("h2")).ToContainTextAsync(InProcessRun.DeviceName);
        return (page, card);
    }

    [Fact]
    public async Task Run_CalibrateStandingFromThePage_TakesANeutralAndTheLiveAnglesFollowTheStream()
    {
        await using var run = await InProcessRun.StartAsync();
        var (page, card) = await OpenLiveAsync(run);

        // The wearer never pressed calibrate and never walked: no neutral, so no angles.
        await Expect(card.Locator("[data-field='calibration'] .badge")).ToHaveTextAsync("uncalibrated");
        await Expect(card.Locator("[data-field='state'] .badge")).ToHaveTextAsync("uncalibrated");
        await Expect(card.Locator("[data-field='pelvicTilt']")).ToHaveTextAsync("—");
        Assert.False(File.Exists(run.CalibrationFile));

        await card.Locator("button[data-action='calibrate-standing']").ClickAsync();
        await Expect(card.Locator(".result")).ToHaveTextAsync("Stand up straight and relaxed and hold still for 5 seconds.");
        await Expect(card.Locator(".result")).ToHaveAttributeAsync("data-accepted", "true");

        // The pipeline takes the next five quiet seconds as the neutral: the feed turns calibrated and angles flow.
        await Expect(card.Locator("[data-field='calibration'] .badge")).ToHaveTextAsync("calibrated");
        await Expect(card.Locator("[data-field='state'] .badge")).Not.ToHaveTextAsync("uncalibrated");
        var tilt = card.Locator("[data-field='pelvicTilt']");
        await Expect(tilt).ToHaveTextAsync(Degrees());
        var shown = await tilt.TextContentAsync();
        await Expect(tilt).Not.ToHaveTextAsync(shown!);
        foreach (var series in new[] { "pelvic_tilt", "lordosis_delta", "lumbar_flexion" })
        {
            await Expect(card.Locator($"polyline[data-series='{series}']")).ToHaveAttributeAsync("data-points", TenOrMore());
        }

        // ... and stores it for the device as a neutral asked for by command (the button), not by the device.
        using (var stored = JsonDocument.Parse(await File.ReadAllTextAsync(run.CalibrationFile)))
        {
            Assert.Equal("command", stored.RootElement.GetProperty("standing").GetProperty("source").GetString());
        }

        var path = Path.Combine(BrowserFixture.ArtifactFolder, "live-run.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 10_000);

        await page.Context.CloseAsync();
        Assert.Equal(0, await run.StopAsync());
    }

    [Fact]
    public async Task Run_SnoozeFromThePage_SnoozesTheDetectorAndTheFeedSaysUntilWhen()
    {
        await using var run = await InProcessRun.StartAsync();
        var (page, card) = await OpenLiveAsync(run);
        var updates = int.Parse((await card.GetAttributeAsync("data-updates"))!, System.Globalization.CultureInfo.InvariantCulture);
        await Expect(card).Not.ToHaveAttributeAsync("data-updates", updates.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(card.Locator("[data-field='snooze']")).ToHaveTextAsync("on");

        await card.Locator("button[data-action='snooze']").ClickAsync();
        await Expect(card.Locator(".result")).ToHaveTextAsync("Buzzes snoozed for 30 minutes; alerts are still recorded.");
        await Expect(card.Locator(".result")).ToHaveAttributeAsync("data-accepted", "true");

        // The detector's snooze comes back in the feed it publishes.
        await Expect(card.Locator("[data-field='snooze']")).ToContainTextAsync("snoozed until");

        await page.Context.CloseAsync();
        Assert.Equal(0, await run.StopAsync());
    }
}
