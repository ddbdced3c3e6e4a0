using PostureStream.Signals.Detection;

namespace PostureStream.Signals.Tests.Detection;

public sealed class RollupAndDecimationTests
{
    private static readonly DateTime HalfPast = new(2026, 3, 2, 9, 0, 30, DateTimeKind.Utc);

    [Fact]
    public void FullMinute_SumsToSixtySeconds_StampedAtItsStart()
    {
        var b = new PostureInputBuilder(start: HalfPast).Hold(Pose.Standing(), 30).Hold(Pose.Sitting(-11), 60).Hold(Pose.Standing(), 30);
        var summaries = Detect.Run(b, complete: true).Summaries;
        Assert.Equal(3, summaries.Count);
        Assert.Equal([HalfPast.AddSeconds(-30), HalfPast.AddSeconds(30), HalfPast.AddSeconds(90)], summaries.Select(s => s.MinuteStartUtc));

        MinuteSummary full = summaries[1];
        Assert.Equal(60.0, full.SecondsObserved, 9);
        Assert.Equal(60.0, full.SecondsStanding + full.SecondsSitting + full.SecondsWalking + full.SecondsBending + full.SecondsLying + full.SecondsUnknown, 9);
        Assert.Equal(6000, full.Samples);
        Assert.Equal(0, full.Gaps);

        // The sitting minute: 1 s debounce after standing, flattened against the sitting neutral.
        Assert.Equal(59.0, full.SecondsSitting, 9);
        Assert.Equal(1.0, full.SecondsStanding, 9);
        Assert.Equal(Pose.SittingTilt, full.MinPelvicTilt);
        Assert.Equal(Pose.SittingTilt, full.MaxPelvicTilt);
        Assert.Equal(-11, full.MinLordosisDelta);

        // The first sample of a stream counts for nothing; the partial last minute is flushed at Complete().
        Assert.Equal(29.99, summaries[0].SecondsObserved, 9);
        Assert.Equal(3000, summaries[0].Samples);
        Assert.Equal(30.0, summaries[2].SecondsObserved, 9);
    }

    [Fact]
    public void Minute_CountsGaps_AndLeavesGapTimeOut()
    {
        var b = new PostureInputBuilder(start: HalfPast.AddSeconds(-30)).Hold(Pose.Standing(), 20).Gap(5).Hold(Pose.Standing(), 45);
        MinuteSummary first = Detect.Run(b).Summaries[0];
        Assert.Equal(1, first.Gaps);
        // 19.99 s before the gap (the first sample counts nothing), 35.00 s after it (its first sample counts nothing).
        Assert.Equal(19.99 + 35.00, first.SecondsObserved, 9);
    }

    [Fact]
    public void Minute_AccountsUncalibratedAndFaultTime()
    {
        var b = new PostureInputBuilder(start: HalfPast.AddSeconds(-30)).Hold(Pose.Uncalibrated(), 20).Hold(Pose.LumbarFault(), 20).Hold(Pose.Standing(), 21);
        MinuteSummary first = Detect.Run(b).Summaries[0];
        Assert.Equal(19.99, first.SecondsUncalibrated, 9);
        Assert.Equal(20.0, first.SecondsSensorFault, 9);
        Assert.Equal(20.0, first.SecondsNeutral, 9);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(104)]
    [InlineData(25)]
    public void Decimation_TakesTheFirstSampleAtOrAfterEachHundredMilliseconds(double rateHz)
    {
        var b = new PostureInputBuilder(rateHz, startMicros: 0).Hold(Pose.Standing(), 10);
        var points = Detect.Run(b).Points;
        Assert.Equal(100, points.Count);
        for (int k = 0; k < points.Count; k++)
        {
            long boundary = k * 100_000L;
            long expected = b.Samples.First(s => s.DeviceMicros >= boundary).DeviceMicros;
            Assert.Equal(expected, points[k].DeviceMicros);
        }
    }

    [Fact]
    public void Decimation_AfterAGap_ResumesAtTheNextBoundary()
    {
        var b = new PostureInputBuilder(100, startMicros: 0).Hold(Pose.Standing(), 1).Gap(2.345).Hold(Pose.Standing(), 1);
        var points = Detect.Run(b).Points;
        // 0–0.99 s: 10 points; after the gap samples run 3.335–4.325 s: 3.335 then the first of each 100 ms.
        Assert.Equal(21, points.Count);
        Assert.Equal(3_335_000, points[10].DeviceMicros);
        Assert.Equal(3_405_000, points[11].DeviceMicros);
    }

    [Fact]
    public void PosturePoint_CarriesEveryField()
    {
        var b = new PostureInputBuilder().Hold(Pose.Sitting(-11), 1);
        PosturePoint p = Detect.Run(b).Points[0];
        Assert.Equal(Pose.NeutralPelvisPitch + Pose.SittingTilt, p.PelvisPitch);
        Assert.Equal(Pose.NeutralLumbarPitch, p.LumbarPitch);
        Assert.Equal(Pose.SittingTilt, p.PelvicTilt);
        Assert.Equal(0, p.LumbarFlexion);
        Assert.Equal(-11, p.LordosisDelta);
        Assert.Equal("sitting", p.ActivityName);
        Assert.Equal("flattened", p.StateName);
        Assert.Same(Detect.Device, p.Device);
    }
}
