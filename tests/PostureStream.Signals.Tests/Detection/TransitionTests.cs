using PostureStream.Signals.Detection;
using PostureStream.Vocabulary;

namespace PostureStream.Signals.Tests.Detection;

/// <summary>Changing activity swaps the neutral by ~12°: the swap must never start or feed an episode.</summary>
public sealed class TransitionTests
{
    [Fact]
    public void StandingUp_IntoASubThresholdArch_RaisesNothing()
    {
        // Against the sitting neutral, the first second of standing reads +18°; the standing posture itself is +6° (under +8°).
        var b = new PostureInputBuilder().Hold(Pose.Sitting(0), 30).Hold(Pose.Standing(6), 180);
        Assert.Empty(Detect.Run(b, complete: true).Alerts);
    }

    [Fact]
    public void SittingDown_FromASubThresholdSlump_RaisesNothing()
    {
        var b = new PostureInputBuilder().Hold(Pose.Standing(-8), 30).Hold(Pose.Sitting(-8), 180);
        var sink = Detect.Run(b, complete: true);
        Assert.Empty(sink.Alerts);
        Assert.All(sink.Points, p => Assert.Equal(PostureState.Neutral, p.State));
    }

    [Fact]
    public void ReachesFromTheChair_DoNotTurnASubThresholdSlumpIntoAnAlert()
    {
        // Sitting at -8° (under the -10° start); every 6 s a 0.8 s reach lifts the pelvis past the sitting limit.
        var reach = new Pose(PelvicTilt: -6, LumbarFlexion: 20, DeltaSitting: -14, DeltaStanding: -26);
        var b = new PostureInputBuilder().Hold(Pose.Sitting(-8), 5);
        for (int i = 0; i < 40; i++)
        {
            b.Hold(reach, 0.8).Hold(Pose.Sitting(-8), 5.2);
        }

        var sink = Detect.Run(b, complete: true);
        Assert.Empty(sink.Alerts);
        Assert.All(sink.Points, p => Assert.Equal(Activity.Sitting, p.Activity));
    }

    [Fact]
    public void SlumpedSitting_WithReaches_StillRaises()
    {
        var reach = new Pose(PelvicTilt: -6, LumbarFlexion: 20, DeltaSitting: -14, DeltaStanding: -26);
        var b = new PostureInputBuilder().Hold(Pose.Sitting(-12), 5);
        for (int i = 0; i < 15; i++)
        {
            b.Hold(reach, 0.8).Hold(Pose.Sitting(-12), 5.2);
        }

        AlertEvent raised = Assert.Single(Detect.Run(b).Alerts);
        Assert.Equal(Activity.Sitting, raised.Activity);
    }
}
