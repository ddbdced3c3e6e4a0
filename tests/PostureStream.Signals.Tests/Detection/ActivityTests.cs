using PostureStream.Signals.Detection;
using PostureStream.Vocabulary;

namespace PostureStream.Signals.Tests.Detection;

public sealed class ActivityTests
{
    [Fact]
    public void Activity_ChangesOnlyAfterOneSecondOfTheNewActivity()
    {
        var b = new PostureInputBuilder().Hold(Pose.Sitting(), 5);
        long stoodUp = b.NextMicros;
        b.Hold(Pose.Standing(), 5);
        var sink = Detect.Run(b);
        DetectionStateChange change = Assert.Single(sink.Changes, c => c.Activity == Activity.Standing);
        Assert.Equal(stoodUp + 1_000_000, change.DeviceMicros);
        Assert.Equal(Activity.Sitting, change.PreviousActivity);
    }

    [Fact]
    public void ShortChange_UnderTheDebounce_IsIgnored()
    {
        var b = new PostureInputBuilder().Hold(Pose.Sitting(), 5).Hold(Pose.Standing(), 0.9).Hold(Pose.Sitting(), 5);
        Assert.All(Detect.Run(b).Points, p => Assert.Equal(Activity.Sitting, p.Activity));
    }

    [Fact]
    public void Sitting_IsAPelvisRotatedBackTwelveDegreesOrMore()
    {
        Assert.Equal(Activity.Sitting, Detect.Run(new PostureInputBuilder().Hold(new Pose(PelvicTilt: -12), 2)).Points[^1].Activity);
        Assert.Equal(Activity.Standing, Detect.Run(new PostureInputBuilder().Hold(new Pose(PelvicTilt: -11.9), 2)).Points[^1].Activity);
    }

    [Fact]
    public void Bending_IsLumbarFlexionOverThirtyFiveDegrees()
    {
        var b = new PostureInputBuilder().Hold(Pose.Standing(), 2).Hold(Pose.Bending(36, 10), 3);
        Assert.Equal(Activity.Bending, Detect.Run(b).Points[^1].Activity);
        var shallow = new PostureInputBuilder().Hold(Pose.Standing(), 2).Hold(Pose.Bending(34, 10), 3);
        Assert.Equal(Activity.Standing, Detect.Run(shallow).Points[^1].Activity);
    }

    [Fact]
    public void Lying_NeedsTenSecondsPlusTheDebounce()
    {
        var b = new PostureInputBuilder().Hold(Pose.Standing(), 2);
        long laidDown = b.NextMicros;
        b.Hold(Pose.LyingSupine(), 15);
        var sink = Detect.Run(b);
        DetectionStateChange change = Assert.Single(sink.Changes, c => c.Activity == Activity.Lying);
        Assert.Equal(laidDown + 11_000_000, change.DeviceMicros);
    }

    [Fact]
    public void LyingOnTheSide_IsLying()
    {
        var side = Pose.Standing() with { LumbarRoll = 85, PelvisRoll = 80 };
        Assert.Equal(Activity.Lying, Detect.Run(new PostureInputBuilder().Hold(side, 12)).Points[^1].Activity);
    }

    [Fact]
    public void DeepHipHinge_IsBending_NotLying()
    {
        // Both sensors well past 60° forward for 8 s: a deep hinge, not lying.
        var hinge = Pose.Bending(75, 62) with { LumbarPitch = 80, PelvisPitch = 77 };
        var b = new PostureInputBuilder().Hold(Pose.Standing(), 2).Hold(hinge, 8).Hold(Pose.Standing(), 3);
        var sink = Detect.Run(b);
        Assert.DoesNotContain(sink.Points, p => p.Activity == Activity.Lying);
        Assert.Contains(sink.Points, p => p.Activity == Activity.Bending);
        Assert.Single(sink.Bends);
    }

    [Fact]
    public void Walking_IsRecognisedBeforeAnyNeutral_ForTheCalibrationHook()
    {
        var detector = new DeviceDetector(Detect.Device, new DetectionOptions());
        var sink = new RecordingSink();
        var walk = Pose.Uncalibrated() with { GaitHz = 1.8, GaitAmplitude = 2.5 };
        Detect.Feed(detector, new PostureInputBuilder().Hold(walk, 9).Build(), sink);
        Assert.Equal(Activity.Walking, detector.Activity);
        Assert.Equal(PostureState.Uncalibrated, detector.State);
        Assert.InRange(detector.ContinuousWalking, TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(9));
        Assert.Contains(sink.Points, p => p.Activity == Activity.Unknown);
    }

    [Fact]
    public void Walking_AcrossLostFramesUpToHalfASecond_GoesOn_ButALongerGapEndsIt()
    {
        var walk = Pose.Uncalibrated() with { GaitHz = 1.8, GaitAmplitude = 2.5 };
        var lossy = new DeviceDetector(Detect.Device, new DetectionOptions());
        Detect.Feed(lossy, new PostureInputBuilder().Hold(walk, 3).Gap(0.2).Hold(walk, 3).Gap(0.4).Hold(walk, 3).Build(), new RecordingSink());
        Assert.InRange(lossy.ContinuousWalking, TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(9));

        var broken = new DeviceDetector(Detect.Device, new DetectionOptions());
        Detect.Feed(broken, new PostureInputBuilder().Hold(walk, 6).Gap(0.8).Hold(walk, 3).Build(), new RecordingSink());
        Assert.InRange(broken.ContinuousWalking, TimeSpan.Zero, TimeSpan.FromSeconds(2.5));
    }

    [Fact]
    public void Walking_AtOneHundredAndFourHertz_IsWalkingActivity()
    {
        var b = new PostureInputBuilder(rateHz: 104).Hold(Pose.Walking(), 10);
        var sink = Detect.Run(b);
        Assert.Equal(Activity.Walking, sink.Points[^1].Activity);
        Assert.True(sink.Points.Count(p => p.Activity == Activity.Walking) > 70);
    }
}
