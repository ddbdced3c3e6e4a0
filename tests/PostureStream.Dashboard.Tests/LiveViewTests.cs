using Microsoft.Playwright;
using PostureStream.Dashboard.Live;
using static Microsoft.Playwright.Assertions;

namespace PostureStream.Dashboard.Tests;

[Collection(BrowserCollection.Name)]
public sealed class LiveViewTests(BrowserFixture fixture)
{
    private static readonly TimeSpan HandlerWait = TimeSpan.FromSeconds(20);

    private async Task<(IPage Page, ILocator Card)> OpenLiveAsync(string deviceId)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.LiveDashboard.Address, "/#live").ToString());
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
        return (page, page.Locator($"article.card[data-device='{deviceId}']"));
    }

    [Fact]
    public async Task Live_PublishedUpdates_ShowInTheCardAndItsRollingChart()
    {
        const string id = "00000000000000d4";
        fixture.Hub.Publish(LiveUpdates.At(0, id, "walker"));
        var (_, card) = await OpenLiveAsync(id);
        await Expect(card.Locator("[data-field='pelvicTilt']")).ToHaveTextAsync("-2.0°");

        for (var s = 1; s <= 90; s++)
        {
            fixture.Hub.Publish(LiveUpdates.At(s, id, "walker"));
        }

        var last = LiveUpdates.At(90);
        await Expect(card.Locator("[data-field='lordosisDelta']")).ToHaveTextAsync($"{last.LordosisDelta:0.0}°");
        await Expect(card.Locator("[data-field='state'] .badge")).ToHaveTextAsync("flattened");
        await Expect(card.Locator("[data-field='episode']")).ToHaveTextAsync("flattening 0:30");
        await Expect(card.Locator("[data-field='activity']")).ToHaveTextAsync("sitting");
        await Expect(card.Locator("polyline[data-series='pelvic_tilt']")).ToHaveAttributeAsync("data-points", "91");

        // Two minutes later the oldest points have rolled out of the chart.
        for (var s = 91; s <= 200; s++)
        {
            fixture.Hub.Publish(LiveUpdates.At(s, id, "walker"));
        }

        await Expect(card.Locator("polyline[data-series='lordosis_delta']")).ToHaveAttributeAsync("data-points", "121");
    }

    [Fact]
    public async Task Live_CalibrateButtons_ReachTheFeedWithThePosture()
    {
        const string id = "00000000000000e5";
        fixture.Hub.Publish(LiveUpdates.At(0, id, "sitter"));
        var asked = new TaskCompletionSource<(string DeviceId, bool Sitting)>(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Hub.OnCalibrate((deviceId, sitting, _) =>
        {
            asked.TrySetResult((deviceId, sitting));
            return Task.FromResult(CommandResult.Done("sit still and upright for 5 s"));
        });

        var (_, card) = await OpenLiveAsync(id);
        await card.Locator("button[data-action='calibrate-sitting']").ClickAsync();

        Assert.Equal((id, true), await asked.Task.WaitAsync(HandlerWait));
        await Expect(card.Locator(".result")).ToHaveTextAsync("sit still and upright for 5 s");
        await Expect(card.Locator(".result")).ToHaveAttributeAsync("data-accepted", "true");
    }

    [Fact]
    public async Task Live_SnoozeButton_ReachesTheFeedAndShowsARefusal()
    {
        const string id = "00000000000000f6";
        fixture.Hub.Publish(LiveUpdates.At(0, id, "snoozer"));
        var asked = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Hub.OnSnooze((deviceId, _) =>
        {
            asked.TrySetResult(deviceId);
            return Task.FromResult(CommandResult.Refused("the device is not connected"));
        });

        var (_, card) = await OpenLiveAsync(id);
        await card.Locator("button[data-action='snooze']").ClickAsync();

        Assert.Equal(id, await asked.Task.WaitAsync(HandlerWait));
        await Expect(card.Locator(".result")).ToHaveTextAsync("the device is not connected");
        await Expect(card.Locator(".result")).ToHaveAttributeAsync("data-accepted", "false");
    }

    [Fact]
    public async Task Live_AWearersGuidance_ShowsTheStepAndWhatToDo_AndHidesWhenThereIsNone()
    {
        const string id = "00000000000000f6";
        fixture.Hub.Publish(LiveUpdates.At(0, id, "anna") with { Guidance = new CalibrationGuidance(GuidanceStep.StandStill, "Stand still, relaxed, looking ahead: 3 of 5 s") });
        var (_, card) = await OpenLiveAsync(id);
        var guidance = card.Locator("[data-field='guidance']");
        await Expect(guidance).ToHaveTextAsync("Stand still, relaxed, looking ahead: 3 of 5 s");
        await Expect(guidance).ToHaveAttributeAsync("data-step", "stand_still");

        fixture.Hub.Publish(LiveUpdates.At(1, id, "anna") with { Guidance = new CalibrationGuidance(GuidanceStep.Needed, "The pelvis sensor moved since it was calibrated: press Calibrate standing and follow the steps.") });
        await Expect(guidance).ToHaveAttributeAsync("data-step", "needed");
        await Expect(guidance).ToContainTextAsync("The pelvis sensor moved");

        fixture.Hub.Publish(LiveUpdates.At(2, id, "anna"));
        await Expect(guidance).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Live_Screenshot_IsKeptAsATestArtifact()
    {
        for (var s = 0; s <= 120; s++)
        {
            fixture.Hub.Publish(LiveUpdates.At(s));
        }

        var (page, card) = await OpenLiveAsync(LiveUpdates.DeskId);
        await Expect(card.Locator("polyline[data-series='pelvic_tilt']")).ToHaveAttributeAsync("data-points", "1");
        for (var s = 1; s <= 120; s++)
        {
            fixture.Hub.Publish(LiveUpdates.At(120 + s));
        }

        await Expect(card.Locator("polyline[data-series='pelvic_tilt']")).ToHaveAttributeAsync("data-points", "121");
        var path = Path.Combine(BrowserFixture.ArtifactFolder, "live.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 10_000);
    }
}
