using PostureStream.Signals.Detection;
using PostureStream.Vocabulary;

namespace PostureStream.Signals.Tests.Detection;

/// <summary>A pause freezes the episode (hysteresis, clock, excursion); the state series keeps reading the posture.</summary>
public sealed class PauseSemanticsTests
{
    [Fact]
    public void WalkWithGoodPosture_BetweenTwoSlumps_PausesTheSameEpisode()
    {
        var b = new PostureInputBuilder().Hold(Pose.Sitting(-12), 40).Hold(Pose.Walking(0), 30).Hold(Pose.Sitting(-12), 40);
        var sink = Detect.Run(b);
        AlertEvent raised = Assert.Single(sink.Alerts);
        Assert.Equal(b.Samples[0].DeviceMicros, raised.EpisodeStartMicros);
        Assert.Equal(TimeSpan.FromSeconds(60), raised.Duration);

        // While walking upright the state shows neutral, though the episode is only paused.
        Assert.Contains(sink.Points, p => p.Activity == Activity.Walking && p.State == PostureState.Neutral);
    }

    [Fact]
    public void StateSeries_ShowsFlattenedDuringABend_WithoutOpeningAnEpisode()
    {
        var b = new PostureInputBuilder().Hold(Pose.Standing(), 5).Hold(Pose.Bending(60, 15, -30), 4).Hold(Pose.Standing(), 70);
        var sink = Detect.Run(b, complete: true);
        Assert.Contains(sink.Points, p => p.Activity == Activity.Bending && p.State == PostureState.Flattened);
        Assert.Empty(sink.Alerts);
    }

    [Fact]
    public void NewSegment_EndsTheEpisode()
    {
        var b = new PostureInputBuilder().Hold(Pose.Standing(-12), 70);
        long last = b.Samples[^1].DeviceMicros;
        b.NewSegment().Hold(Pose.Standing(-12), 30);
        var alerts = Detect.Run(b).Alerts;
        Assert.Equal([AlertPhase.Raised, AlertPhase.Cleared], alerts.Select(a => a.Phase));
        Assert.Equal(last, alerts[1].DeviceMicros);
    }

    [Fact]
    public void LyingFaceDown_BecomesLyingAfterTheHold()
    {
        var prone = Pose.Standing() with { LumbarPitch = 85, PelvisPitch = 82, LumbarFlexion = 80, PelvicTilt = 67 };
        var sink = Detect.Run(new PostureInputBuilder().Hold(Pose.Standing(), 2).Hold(prone, 15));
        Assert.Equal(Activity.Lying, sink.Points[^1].Activity);
    }

    [Fact]
    public void Complete_ThenMoreSamples_StartsAfresh()
    {
        var detector = new DeviceDetector(Detect.Device, Detect.Options());
        var sink = new RecordingSink();
        var b = new PostureInputBuilder().Hold(Pose.Standing(-12), 61);
        Detect.Feed(detector, b.Build(), sink);
        detector.Complete(sink);
        int before = sink.Alerts.Count;
        var more = new PostureInputBuilder(startMicros: b.NextMicros + 5_000_000).Hold(Pose.Standing(-12), 61);
        Detect.Feed(detector, more.Build(), sink);
        Assert.Equal(2, before);
        Assert.Equal(AlertPhase.Raised, sink.Alerts[^1].Phase);
        Assert.Equal(more.Samples[0].DeviceMicros, sink.Alerts[^1].EpisodeStartMicros);
    }
}
