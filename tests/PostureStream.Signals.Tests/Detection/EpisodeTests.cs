using PostureStream.Signals.Detection;
using PostureStream.Vocabulary;

namespace PostureStream.Signals.Tests.Detection;

public sealed class EpisodeTests
{
    private static readonly Pose Flat = Pose.Standing(-12);
    private static readonly Pose Upright = Pose.Standing(0);

    [Fact]
    public void Raise_HappensOnTheFirstSampleReachingTheSustainTime_NotOneEarlier()
    {
        // Episode starts at the first sample; sample 6000 (60.00 s later) is the first with 60 s accumulated.
        var early = new PostureInputBuilder().Hold(Flat, 60);
        Assert.Empty(Detect.Run(early).Alerts);

        var exact = new PostureInputBuilder().HoldSamples(Flat, 6001);
        AlertEvent raised = Assert.Single(Detect.Run(exact).Alerts);
        Assert.Equal(AlertPhase.Raised, raised.Phase);
        Assert.Equal(AlertKind.Flattening, raised.Kind);
        Assert.Equal(exact.Samples[^1].DeviceMicros, raised.DeviceMicros);
        Assert.Equal(exact.Samples[0].Utc, raised.EpisodeStartUtc);
        Assert.Equal(TimeSpan.FromSeconds(60), raised.Duration);
        Assert.Equal(-12, raised.PeakDeltaDegrees);
        Assert.True(raised.Buzzed);
        Assert.Equal(Activity.Standing, raised.Activity);
    }

    [Theory]
    [InlineData(104)]
    [InlineData(100.5)]
    [InlineData(25)]
    public void Raise_AtAnySampleRate_IsTheFirstSampleAtOrPastTheSustainTime(double rateHz)
    {
        var b = new PostureInputBuilder(rateHz).Hold(Flat, 62);
        AlertEvent raised = Assert.Single(Detect.Run(b).Alerts);
        long start = b.Samples[0].DeviceMicros;
        PostureInput expected = b.Samples.First(s => s.DeviceMicros - start >= 60_000_000);
        Assert.Equal(expected.DeviceMicros, raised.DeviceMicros);
        Assert.Equal(TimeSpan.FromMicroseconds(expected.DeviceMicros - start), raised.Duration);
    }

    [Fact]
    public void Raise_CountsOnlyTimeAfterUprightLeadIn()
    {
        var b = new PostureInputBuilder().Hold(Upright, 5);
        long start = b.NextMicros;
        b.Hold(Flat, 61);
        AlertEvent raised = Assert.Single(Detect.Run(b).Alerts);
        Assert.Equal(start + 60_000_000, raised.DeviceMicros);
        Assert.Equal(start, raised.EpisodeStartMicros);
    }

    [Fact]
    public void Hyperextension_RaisesWithPositivePeak()
    {
        var b = new PostureInputBuilder().Hold(Pose.Standing(9), 30).Hold(Pose.Standing(11), 31);
        AlertEvent raised = Assert.Single(Detect.Run(b).Alerts);
        Assert.Equal(AlertKind.Hyperextension, raised.Kind);
        Assert.Equal(11, raised.PeakDeltaDegrees);
    }

    [Fact]
    public void Excursion_OfThreeSeconds_OnlyPausesTheEpisode()
    {
        // 30 s flat, 3 s upright (301 samples: the excursion clock reads 3.00 s at its last), flat again.
        var b = new PostureInputBuilder().Hold(Flat, 30);
        long excursionStart = b.NextMicros;
        b.HoldSamples(Upright, 301);
        long back = b.NextMicros;
        b.Hold(Flat, 31);
        AlertEvent raised = Assert.Single(Detect.Run(b).Alerts);
        Assert.Equal(AlertPhase.Raised, raised.Phase);
        Assert.Equal(b.Samples[0].DeviceMicros, raised.EpisodeStartMicros);
        // 29.99 s counted before the excursion; the first flat sample after it counts nothing, then 30.01 s more.
        Assert.Equal(29_990_000, excursionStart - 10_000 - b.Samples[0].DeviceMicros);
        Assert.Equal(back + 30_010_000, raised.DeviceMicros);
    }

    [Fact]
    public void Excursion_OfFourSeconds_EndsTheEpisode()
    {
        var b = new PostureInputBuilder().Hold(Flat, 30).Hold(Upright, 4);
        long restart = b.NextMicros;
        b.Hold(Flat, 61);
        AlertEvent raised = Assert.Single(Detect.Run(b).Alerts);
        Assert.Equal(restart, raised.EpisodeStartMicros);
        Assert.Equal(restart + 60_000_000, raised.DeviceMicros);
    }

    [Fact]
    public void Excursion_OfFourSecondsAfterRaise_ClearsWhereToleranceIsExceeded()
    {
        var b = new PostureInputBuilder().Hold(Flat, 70);
        long excursionStart = b.NextMicros;
        b.Hold(Upright, 4);
        var alerts = Detect.Run(b).Alerts;
        Assert.Equal([AlertPhase.Raised, AlertPhase.Cleared], alerts.Select(a => a.Phase));
        AlertEvent cleared = alerts[1];
        Assert.Equal(excursionStart + 3_010_000, cleared.DeviceMicros);
        Assert.Equal(TimeSpan.FromSeconds(69.99), cleared.Duration);
        Assert.False(cleared.Buzzed);
    }

    [Fact]
    public void Hysteresis_StaysFlattenedBetweenTheThresholds_AndNeverStartsThere()
    {
        // -9° never starts an episode; after -11° the episode survives at -8° (still ≤ -7°).
        Assert.Empty(Detect.Run(new PostureInputBuilder().Hold(Pose.Standing(-9), 120)).Alerts);

        var b = new PostureInputBuilder().HoldSamples(Pose.Standing(-11), 1).Hold(Pose.Standing(-8), 61);
        var sink = Detect.Run(b);
        Assert.Equal(AlertPhase.Raised, Assert.Single(sink.Alerts).Phase);
        Assert.All(sink.Points, p => Assert.Equal(PostureState.Flattened, p.State));

        var ends = new PostureInputBuilder().HoldSamples(Pose.Standing(-11), 1).Hold(Pose.Standing(-6.9), 5);
        Assert.Equal(PostureState.Neutral, Detect.Run(ends).Points[^1].State);
    }

    [Fact]
    public void Reminder_EveryTenMinutesOfAccumulatedTime()
    {
        var b = new PostureInputBuilder().Hold(Flat, 60 + 1200 + 1);
        var alerts = Detect.Run(b).Alerts;
        Assert.Equal([AlertPhase.Raised, AlertPhase.Reminder, AlertPhase.Reminder], alerts.Select(a => a.Phase));
        Assert.Equal(b.Samples[0].DeviceMicros + 660_000_000, alerts[1].DeviceMicros);
        Assert.Equal(TimeSpan.FromMinutes(21), alerts[2].Duration);
    }

    [Fact]
    public void Reminder_ZeroIntervalTurnsRemindersOff()
    {
        var options = new DetectionOptions { ReminderInterval = TimeSpan.Zero };
        var alerts = Detect.Run(new PostureInputBuilder().Hold(Flat, 1300), options).Alerts;
        Assert.Equal(AlertPhase.Raised, Assert.Single(alerts).Phase);
    }

    [Fact]
    public void Clear_IsOnlyForRaisedEpisodes()
    {
        var b = new PostureInputBuilder().Hold(Flat, 50).Hold(Upright, 10);
        Assert.Empty(Detect.Run(b).Alerts);
    }

    [Fact]
    public void Clear_KeepsDurationAndSignedPeak()
    {
        var b = new PostureInputBuilder().Hold(Pose.Standing(-11), 30).Hold(Pose.Standing(-14.5), 40).Hold(Upright, 5);
        AlertEvent cleared = Detect.Run(b).Alerts[^1];
        Assert.Equal(AlertPhase.Cleared, cleared.Phase);
        Assert.Equal(-14.5, cleared.PeakDeltaDegrees);
        Assert.Equal(TimeSpan.FromSeconds(69.99), cleared.Duration);
    }

    [Fact]
    public void Complete_ClearsAnOpenRaisedEpisodeAtTheLastSample()
    {
        var b = new PostureInputBuilder().Hold(Flat, 75);
        var alerts = Detect.Run(b, complete: true).Alerts;
        Assert.Equal([AlertPhase.Raised, AlertPhase.Cleared], alerts.Select(a => a.Phase));
        Assert.Equal(b.Samples[^1].DeviceMicros, alerts[1].DeviceMicros);
        Assert.Equal(b.Samples[^1].Utc, alerts[1].Utc);
    }

    [Fact]
    public void Walking_PausesTheEpisodeClock()
    {
        // 30 s flat standing, 20 s flat walking, then flat standing: the raise comes about 20 s later than without
        // the walk (the gait needs ~1 s to be recognised; standing counts again ~1.3 s after the gait stops).
        var b = new PostureInputBuilder().Hold(Flat, 30).Hold(Pose.Walking(-12), 20);
        b.Hold(Flat, 40);
        var sink = Detect.Run(b);
        Assert.Contains(sink.Points, p => p.Activity == Activity.Walking);
        AlertEvent raised = Assert.Single(sink.Alerts);
        long paused = raised.DeviceMicros - raised.EpisodeStartMicros - 60_000_000;
        Assert.InRange(paused, 19_000_000, 21_000_000);
        Assert.Equal(Activity.Standing, raised.Activity);
    }

    [Fact]
    public void Bending_PausesTheEpisodeClock()
    {
        var b = new PostureInputBuilder().Hold(Flat, 30).Hold(Pose.Bending(60, 20, -12), 10).Hold(Flat, 40);
        AlertEvent raised = Assert.Single(Detect.Run(b).Alerts);
        // The bend pauses at once (30 s); standing counts again once the debounce confirms it (41 s),
        // from the sample after: 29.99 s + 30.01 s of counted time.
        Assert.Equal(raised.EpisodeStartMicros + 71_010_000, raised.DeviceMicros);
    }

    [Fact]
    public void Lying_PausesTheEpisodeClock()
    {
        var b = new PostureInputBuilder().Hold(Pose.Sitting(-12), 30).Hold(Pose.LyingSupine(-12) with { DeltaSitting = -12 }, 30).Hold(Pose.Sitting(-12), 40);
        var sink = Detect.Run(b);
        Assert.Contains(sink.Points, p => p.Activity == Activity.Lying);
        AlertEvent raised = Assert.Single(sink.Alerts);
        long paused = raised.DeviceMicros - raised.EpisodeStartMicros - 60_000_000;
        // The lying pose pauses at once; sitting counts again once the debounce confirms it, 1 s after.
        Assert.Equal(31_010_000, paused);
    }

    [Fact]
    public void Gap_UpToTenSeconds_PausesTheEpisode()
    {
        var b = new PostureInputBuilder().Hold(Flat, 30).Gap(10).Hold(Flat, 31);
        AlertEvent raised = Assert.Single(Detect.Run(b).Alerts);
        Assert.Equal(b.Samples[0].DeviceMicros, raised.EpisodeStartMicros);
        // 29.99 s before the gap, none across it, 30.01 s after it.
        Assert.Equal(b.Samples[0].DeviceMicros + 29_990_000 + 10_000_000 + 30_010_000, raised.DeviceMicros);
    }

    [Fact]
    public void Gap_LongerThanTenSeconds_EndsTheEpisodeAtTheLastSampleBeforeIt()
    {
        var b = new PostureInputBuilder().Hold(Flat, 70);
        long lastBefore = b.Samples[^1].DeviceMicros;
        b.Gap(10.5).Hold(Flat, 30);
        var alerts = Detect.Run(b).Alerts;
        Assert.Equal([AlertPhase.Raised, AlertPhase.Cleared], alerts.Select(a => a.Phase));
        Assert.Equal(lastBefore, alerts[1].DeviceMicros);

        var unraised = new PostureInputBuilder().Hold(Flat, 50).Gap(11).Hold(Flat, 50);
        Assert.Empty(Detect.Run(unraised).Alerts);
    }

    [Fact]
    public void SensorFault_PausesTheEpisode_AndIsTheState()
    {
        var b = new PostureInputBuilder().Hold(Flat, 30).Hold(Pose.LumbarFault(-12), 20).Hold(Flat, 31);
        var sink = Detect.Run(b);
        Assert.Equal(2000, sink.Points.Count(p => p.State == PostureState.SensorFault) * 10);
        AlertEvent raised = Assert.Single(sink.Alerts);
        // 29.99 s, 20 s of fault, then the first good sample counts nothing and 30.01 s more.
        Assert.Equal(raised.EpisodeStartMicros + 80_010_000, raised.DeviceMicros);
    }

    [Fact]
    public void Uncalibrated_IsTheState_AndNothingIsDetected()
    {
        var sink = Detect.Run(new PostureInputBuilder().Hold(Pose.Uncalibrated(), 100));
        Assert.Empty(sink.Alerts);
        Assert.All(sink.Points, p => Assert.Equal(PostureState.Uncalibrated, p.State));
        Assert.All(sink.Points, p => Assert.Equal(Activity.Unknown, p.Activity));
    }

    [Fact]
    public void Sitting_IsJudgedAgainstTheSittingNeutral()
    {
        // Upright sitting: 12° flatter than standing, neutral against the sitting neutral.
        var upright = Detect.Run(new PostureInputBuilder().Hold(Pose.Sitting(0), 120));
        Assert.Empty(upright.Alerts);
        Assert.All(upright.Points, p => Assert.Equal(Activity.Sitting, p.Activity));
        Assert.All(upright.Points, p => Assert.Equal(PostureState.Neutral, p.State));
        Assert.All(upright.Points, p => Assert.Equal(0, p.LordosisDelta));

        var slumped = Detect.Run(new PostureInputBuilder().Hold(Pose.Sitting(-11), 61));
        AlertEvent raised = Assert.Single(slumped.Alerts);
        Assert.Equal(Activity.Sitting, raised.Activity);
        Assert.Equal(-11, raised.PeakDeltaDegrees);
    }

    [Fact]
    public void Thresholds_ArePerActivity()
    {
        var options = new DetectionOptions { Sitting = new EpisodeThresholds(FlatteningStart: -15, FlatteningEnd: -12) };
        Assert.Empty(Detect.Run(new PostureInputBuilder().Hold(Pose.Sitting(-13), 90), options).Alerts);
        Assert.Single(Detect.Run(new PostureInputBuilder().Hold(Pose.Sitting(-16), 61), options).Alerts);
        Assert.Single(Detect.Run(new PostureInputBuilder().Hold(Pose.Standing(-13), 61), options).Alerts);
    }

    [Theory]
    [InlineData(-7, -10, 8, 5, "sitting flattening thresholds start=-7 end=-10")]
    [InlineData(-10, 1, 8, 5, "sitting flattening thresholds start=-10 end=1")]
    [InlineData(-10, -7, 5, 8, "sitting hyperextension thresholds start=5 end=8")]
    [InlineData(-10, -7, 8, -1, "sitting hyperextension thresholds start=8 end=-1")]
    public void Thresholds_AreValidated_NamingTheBadValues(double fs, double fe, double hs, double he, string expected)
    {
        var options = new DetectionOptions { Sitting = new EpisodeThresholds(fs, fe, hs, he) };
        var error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new DeviceDetector(Detect.Device, options));
    }

    [Fact]
    public void Options_Defaults_AreValid_AndBadValuesAreNamed()
    {
        new DetectionOptions().Validate();
        var error = Assert.Throws<ArgumentException>(new DetectionOptions { SustainTime = TimeSpan.Zero }.Validate);
        Assert.Contains("SustainTime=00:00:00", error.Message, StringComparison.Ordinal);
        error = Assert.Throws<ArgumentException>(new DetectionOptions { WalkingMaxFrequencyHz = 1 }.Validate);
        Assert.Contains("WalkingMaxFrequencyHz=1", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(new DetectionOptions { QuietHoursStart = new TimeOnly(22, 0) }.Validate);
    }
}
