using PostureStream.Dashboard.Live;

namespace PostureStream.Dashboard.Tests;

public sealed class LiveFeedHubTests
{
    [Fact]
    public void Publish_KeepsTheLatestPerDeviceAndTellsSubscribers()
    {
        using var hub = new LiveFeedHub();
        var seen = new List<LiveDeviceUpdate>();
        using var subscription = hub.Updates.Subscribe(seen.Add);

        hub.Publish(LiveUpdates.At(0));
        hub.Publish(LiveUpdates.At(1));
        hub.Publish(LiveUpdates.At(1, "00000000000000aa", "another"));

        Assert.Equal(3, seen.Count);
        Assert.Equal(["another", "desk"], hub.Latest.Select(u => u.Device));
        Assert.Equal(LiveUpdates.Start.AddSeconds(1), hub.Latest.Single(u => u.Device == "desk").TimeUtc);
    }

    [Fact]
    public async Task Commands_WithoutHandlers_AreRefusedWithAReason()
    {
        using var hub = new LiveFeedHub();

        var calibrate = await hub.CalibrateAsync(LiveUpdates.DeskId, sitting: false, CancellationToken.None);
        var snooze = await hub.SnoozeAsync(LiveUpdates.DeskId, CancellationToken.None);

        Assert.False(calibrate.Accepted);
        Assert.Contains("calibration is not available", calibrate.Message, StringComparison.Ordinal);
        Assert.False(snooze.Accepted);
    }

    [Fact]
    public async Task Commands_GoToTheRegisteredHandlers()
    {
        using var hub = new LiveFeedHub();
        hub.OnCalibrate((id, sitting, _) => Task.FromResult(CommandResult.Done($"{id} {(sitting ? "sitting" : "standing")}")));
        hub.OnSnooze((id, _) => Task.FromResult(CommandResult.Done($"{id} snoozed")));

        Assert.Equal("x standing", (await hub.CalibrateAsync("x", false, CancellationToken.None)).Message);
        Assert.Equal("x sitting", (await hub.CalibrateAsync("x", true, CancellationToken.None)).Message);
        Assert.Equal("x snoozed", (await hub.SnoozeAsync("x", CancellationToken.None)).Message);
    }
}
