using PostureStream.Signals.Detection;
using PostureStream.Vocabulary;

namespace PostureStream.Signals.Tests.Detection;

public sealed class AlertFatigueTests
{
    private static DetectionOptions ShortEpisodes() => new()
    {
        SustainTime = TimeSpan.FromSeconds(2),
        ReminderInterval = TimeSpan.Zero,
        QuietHoursTimeZone = TimeZoneInfo.Utc,
    };

    /// <summary>An episode that raises after 2 s and clears 3 s later.</summary>
    private static PostureInputBuilder Episode(PostureInputBuilder b) => b.Hold(Pose.Standing(-12), 2.5).Hold(Pose.Standing(0), 4);

    [Fact]
    public void Buzzes_AreLimitedToFourPerRollingHour_ButEveryAlertIsRecorded()
    {
        var b = new PostureInputBuilder(rateHz: 25);
        for (int i = 0; i < 6; i++)
        {
            Episode(b);
        }

        b.Hold(Pose.Standing(0), 3600);
        Episode(b);
        var raised = Detect.Run(b, ShortEpisodes()).Alerts.Where(a => a.Phase == AlertPhase.Raised).ToList();
        Assert.Equal(7, raised.Count);
        Assert.Equal([true, true, true, true, false, false, true], raised.Select(a => a.Buzzed));
    }

    [Fact]
    public void Cleared_NeverBuzzes()
    {
        var alerts = Detect.Run(Episode(new PostureInputBuilder()), ShortEpisodes()).Alerts;
        Assert.Equal([true, false], alerts.Select(a => a.Buzzed));
    }

    [Fact]
    public void Reminders_CanBuzz()
    {
        var options = ShortEpisodes();
        options.ReminderInterval = TimeSpan.FromSeconds(5);
        var alerts = Detect.Run(new PostureInputBuilder().Hold(Pose.Standing(-12), 7.5), options).Alerts;
        Assert.Equal([AlertPhase.Raised, AlertPhase.Reminder], alerts.Select(a => a.Phase));
        Assert.All(alerts, a => Assert.True(a.Buzzed));
    }

    [Fact]
    public void QuietHours_HoldBackBuzzes_InTheConfiguredZone()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("test+02", TimeSpan.FromHours(2), "test+02", "test+02");
        var options = ShortEpisodes();
        options.QuietHoursStart = new TimeOnly(22, 0);
        options.QuietHoursEnd = new TimeOnly(7, 0);
        options.QuietHoursTimeZone = zone;

        // 21:30 UTC is 23:30 local (quiet); 05:30 UTC is 07:30 local (not quiet); 04:30 UTC is 06:30 local (quiet).
        Assert.False(RaisedAt(new DateTime(2026, 3, 2, 21, 30, 0, DateTimeKind.Utc), options).Buzzed);
        Assert.True(RaisedAt(new DateTime(2026, 3, 3, 5, 30, 0, DateTimeKind.Utc), options).Buzzed);
        Assert.False(RaisedAt(new DateTime(2026, 3, 3, 4, 30, 0, DateTimeKind.Utc), options).Buzzed);
        Assert.True(RaisedAt(new DateTime(2026, 3, 2, 19, 59, 0, DateTimeKind.Utc), options).Buzzed);
    }

    private static AlertEvent RaisedAt(DateTime start, DetectionOptions options) =>
        Detect.Run(Episode(new PostureInputBuilder(start: start)), options).Alerts.Single(a => a.Phase == AlertPhase.Raised);

    [Fact]
    public void Snooze_HoldsBuzzesBackForThirtyMinutesOfDeviceTime()
    {
        var b = new PostureInputBuilder(rateHz: 25);
        long snoozeAt = b.NextMicros;
        Episode(b).Hold(Pose.Standing(0), 60 * 29);
        Episode(b).Hold(Pose.Standing(0), 60 * 2);
        Episode(b);

        var sink = new RecordingSink();
        var detector = new DeviceDetector(Detect.Device, ShortEpisodes());
        detector.Snooze(snoozeAt);
        Detect.Feed(detector, b.Build(), sink);
        var raised = sink.Alerts.Where(a => a.Phase == AlertPhase.Raised).ToList();
        Assert.Equal([false, false, true], raised.Select(a => a.Buzzed));
        Assert.Equal(snoozeAt + 1_800_000_000, detector.SnoozedUntilMicros);
    }

    [Fact]
    public void Snooze_FromTheDashboard_AppliesFromTheNextSample()
    {
        var sink = new RecordingSink();
        var detector = new DeviceDetector(Detect.Device, ShortEpisodes());
        var b = new PostureInputBuilder().Hold(Pose.Standing(0), 1);
        Detect.Feed(detector, b.Build(), sink);
        detector.RequestSnooze();
        int from = b.Count;
        Episode(b);
        Detect.Feed(detector, b.Build()[from..], sink);
        Assert.False(sink.Alerts.Single(a => a.Phase == AlertPhase.Raised).Buzzed);
        Assert.Equal(b.Samples[from].DeviceMicros + 1_800_000_000, detector.SnoozedUntilMicros);
    }

    [Fact]
    public void ZeroBuzzLimit_NeverBuzzes()
    {
        var options = ShortEpisodes();
        options.MaxBuzzesPerWindow = 0;
        Assert.All(Detect.Run(Episode(new PostureInputBuilder()), options).Alerts, a => Assert.False(a.Buzzed));
    }
}
