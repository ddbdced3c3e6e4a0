using PostureStream.Signals.Detection;

namespace PostureStream.Signals.Tests.Detection;

public sealed class BendTests
{
    [Fact]
    public void Bend_FromTheBack_IsLumbarDominant_AndStampedAtItsPeak()
    {
        var b = new PostureInputBuilder().Hold(Pose.Standing(), 2);
        long bendStart = b.NextMicros;
        b.Hold(Pose.Bending(45, 10), 1).Hold(Pose.Bending(60, 15), 0.5);
        long peakAt = b.NextMicros;
        b.HoldSamples(Pose.Bending(65, 15), 1).Hold(Pose.Bending(50, 20), 1);
        long lastBent = b.NextMicros - 10_000;
        b.Hold(Pose.Standing(), 3);

        BendEvent bend = Assert.Single(Detect.Run(b).Bends);
        Assert.Equal(65, bend.PeakLumbarFlexion);
        Assert.Equal(20, bend.PeakPelvicRotation);
        Assert.Equal(65 / 80.0, bend.LumbarShare, 12);
        Assert.True(bend.LumbarDominant);
        Assert.Equal(peakAt, bend.DeviceMicros);
        Assert.Equal(TimeSpan.FromMicroseconds(lastBent - bendStart), bend.Duration);
    }

    [Fact]
    public void HipHinge_IsNotLumbarDominant()
    {
        var b = new PostureInputBuilder().Hold(Pose.Standing(), 2).Hold(Pose.Bending(50, 45), 2).Hold(Pose.Standing(), 3);
        BendEvent bend = Assert.Single(Detect.Run(b).Bends);
        Assert.Equal(50 / 95.0, bend.LumbarShare, 12);
        Assert.False(bend.LumbarDominant);
    }

    [Fact]
    public void Reach_ShorterThanTheDebounce_IsNoBend()
    {
        var b = new PostureInputBuilder().Hold(Pose.Standing(), 2).Hold(Pose.Bending(50, 20), 0.8).Hold(Pose.Standing(), 3);
        Assert.Empty(Detect.Run(b).Bends);
    }

    [Fact]
    public void BendInProgress_IsReportedAtComplete()
    {
        var b = new PostureInputBuilder().Hold(Pose.Standing(), 2).Hold(Pose.Bending(50, 20), 3);
        Assert.Empty(Detect.Run(b).Bends);
        Assert.Single(Detect.Run(b, complete: true).Bends);
    }
}
