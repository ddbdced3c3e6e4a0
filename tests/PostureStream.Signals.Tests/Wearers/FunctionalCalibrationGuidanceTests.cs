using PostureStream.Signals.Wearers;

namespace PostureStream.Signals.Tests.Wearers;

/// <summary>
/// What the guided functional calibration tells the wearer: the seconds stood still so far, why the stand-still
/// window started over (moved, a sensor silent), and why a bend did not count (none, too small, too fast). Fed with
/// grid samples at 50 Hz in sample time, so no clock is involved.
/// </summary>
public sealed class FunctionalCalibrationGuidanceTests
{
    private const long Period = 20_000;

    /// <summary>Up direction of a segment bent forward by <paramref name="degrees"/> (sensor frame = reference mounting).</summary>
    private static Vector3D Bent(double degrees) => new(Math.Cos(degrees * Math.PI / 180), 0, Math.Sin(degrees * Math.PI / 180));

    private static long Feed(FunctionalCalibration calibration, long from, double seconds, Func<double, (Vector3D Lumbar, Vector3D Pelvis)> at)
    {
        long t = from;
        for (int i = 0; i < seconds * 50; i++, t += Period)
        {
            var (lumbar, pelvis) = at(i / 50.0);
            calibration.Process(new WearerSample(t, lumbar, pelvis));
        }

        return t;
    }

    private static long StandStill(FunctionalCalibration calibration, long from, double seconds) => Feed(calibration, from, seconds, _ => (Bent(0), Bent(0)));

    private static FunctionalCalibration Started()
    {
        var calibration = new FunctionalCalibration();
        calibration.Start();
        return calibration;
    }

    [Fact]
    public void StandStill_CountsTheSeconds_AndAMoveStartsThemOverSayingWhy()
    {
        FunctionalCalibration calibration = Started();
        long t = StandStill(calibration, 0, 3);
        Assert.Equal(2, Math.Floor(calibration.StillFor.TotalSeconds));

        t = Feed(calibration, t, 0.2, _ => (Bent(6), Bent(0)));

        Assert.Equal(1, calibration.Interruptions);
        Assert.StartsWith("you moved", calibration.Interruption, StringComparison.Ordinal);
        Assert.True(calibration.StillFor < TimeSpan.FromSeconds(0.5));
        StandStill(calibration, t, 5.1);
        Assert.Equal(FunctionalCalibrationStep.Bend, calibration.Step);
    }

    [Fact]
    public void StandStill_ASilentSensor_IsNamed()
    {
        FunctionalCalibration calibration = Started();
        long t = StandStill(calibration, 0, 2);

        Feed(calibration, t, 0.5, _ => (Bent(0), Vector3D.NaN));

        Assert.Equal("the pelvis sensor sends nothing; check that it is on and connected", calibration.Interruption);
        Assert.Equal(FunctionalCalibrationStep.StandStill, calibration.Step);
    }

    [Fact]
    public void Bend_TooFast_FailsSayingSo()
    {
        FunctionalCalibration calibration = Started();
        long t = StandStill(calibration, 0, 5.1);

        // Down to 45° and back in one second.
        Feed(calibration, t, 1.2, s => (Bent(45 * Math.Sin(Math.PI * Math.Min(s, 1))), Bent(30 * Math.Sin(Math.PI * Math.Min(s, 1)))));

        Assert.Equal(FunctionalCalibrationStep.Failed, calibration.Step);
        Assert.StartsWith("the bend was too fast", calibration.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Bend_TooSmall_FailsNamingHowFarItWent()
    {
        FunctionalCalibration calibration = Started();
        long t = StandStill(calibration, 0, 5.1);
        t = Feed(calibration, t, 4, s => (Bent(20 * Math.Sin(Math.PI * s / 4)), Bent(10 * Math.Sin(Math.PI * s / 4))));
        Assert.Equal(20, calibration.BendPeakDegrees, 0.5);

        StandStill(calibration, t, 27);

        Assert.Equal(FunctionalCalibrationStep.Failed, calibration.Step);
        Assert.StartsWith("the bend was too small: the lower back turned only 20°", calibration.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Bend_SlowAndDeepEnough_IsDone()
    {
        FunctionalCalibration calibration = Started();
        long t = StandStill(calibration, 0, 5.1);

        Feed(calibration, t, 6.5, s => (Bent(50 * Math.Sin(Math.PI * Math.Min(s, 6) / 6)), Bent(25 * Math.Sin(Math.PI * Math.Min(s, 6) / 6))));

        Assert.Equal(FunctionalCalibrationStep.Done, calibration.Step);
        Assert.Null(calibration.Failure);
    }
}
