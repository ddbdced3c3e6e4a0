using PostureStream.Protocol;

namespace PostureStream.Signals.Tests;

public sealed class CalibrationTests
{
    private static readonly (double, double, double, double) Standing = (5, 1, 15, -1);
    private static readonly (double, double, double, double) Sitting = (-2, 0.5, 1, -0.5);

    [Fact]
    public void Uncalibrated_HasLordosisButNoTiltFlexionOrDelta()
    {
        using var wearer = new Wearer();

        wearer.Hold(2, Standing);

        PostureSample s = wearer.Last;
        Assert.Equal(CalibrationState.Uncalibrated, s.Calibration);
        Assert.Equal(10.0, s.LordosisDegrees, 6);
        Assert.True(double.IsNaN(s.PelvicTiltDegrees));
        Assert.True(double.IsNaN(s.LumbarFlexionDegrees));
        Assert.True(double.IsNaN(s.LordosisDeltaStandingDegrees));
        Assert.True(double.IsNaN(s.LordosisDeltaSittingDegrees));
    }

    [Fact]
    public void Request_TakesTheMedianOfTheNextFiveQuietSeconds_AndAnglesFollowIt()
    {
        using var wearer = new Wearer();
        wearer.Hold(1, Standing);

        wearer.Calibration.Request();
        wearer.Hold(4.5, Standing);
        Assert.Null(wearer.LastTaken);
        wearer.Hold(1, Standing);

        CalibrationNotice taken = Assert.IsType<CalibrationNotice>(wearer.LastTaken);
        Assert.Equal(CalibrationSource.Command, taken.Source);
        Assert.Equal(NeutralKind.Standing, taken.Neutral);
        NeutralSet neutrals = Assert.IsType<NeutralSet>(wearer.Calibration.Current);
        Assert.Equal(15.0, neutrals.Standing.Angles.PelvisPitchDegrees, 6);
        Assert.Equal(5.0, neutrals.Standing.Angles.LumbarPitchDegrees, 6);
        Assert.Equal(-1.0, neutrals.Standing.Angles.PelvisRollDegrees, 6);

        wearer.Hold(5, (8, 1, 22, -1));
        PostureSample s = wearer.Last;
        Assert.Equal(CalibrationState.Calibrated, s.Calibration);
        Assert.Equal(7.0, s.PelvicTiltDegrees, 3);
        Assert.Equal(3.0, s.LumbarFlexionDegrees, 3);
        Assert.Equal(14.0, s.LordosisDegrees, 3);
        Assert.Equal(4.0, s.LordosisDeltaStandingDegrees, 3);
    }

    [Fact]
    public void Request_WhileSwaying_WaitsUntilTheWearerIsStill()
    {
        using var wearer = new Wearer();
        wearer.Calibration.Request();

        wearer.Hold(15, Standing, t => 3 * Math.Sin(2 * Math.PI * 0.4 * t));
        Assert.Null(wearer.LastTaken);
        Assert.True(wearer.Calibration.IsWaiting);

        wearer.Hold(8, Standing);
        Assert.NotNull(wearer.LastTaken);
        Assert.Equal(15.0, wearer.Calibration.Current!.Standing.Angles.PelvisPitchDegrees, 3);
    }

    [Fact]
    public void DeviceButton_WhileStanding_TakesTheStandingNeutral()
    {
        using var wearer = new Wearer();

        wearer.Hold(1, Standing).Event(DeviceEventCode.CalibrateRequest).Hold(6, Standing);

        Assert.Equal(CalibrationSource.DeviceButton, wearer.LastTaken!.Source);
        Assert.Equal(NeutralKind.Standing, wearer.LastTaken.Neutral);
        Assert.Equal(CalibrationState.Calibrated, wearer.Last.Calibration);
    }

    [Fact]
    public void DeviceButton_PressedWhileSittingDown_TakesTheSittingNeutral_NotTheChairAsStanding()
    {
        using var wearer = new Wearer();
        wearer.Calibration.Request();
        wearer.Hold(6, Standing);

        // Pressed while still judged standing; detection reports sitting a moment later.
        wearer.Event(DeviceEventCode.CalibrateRequest).Hold(1, Sitting);
        wearer.Calibration.ReportSitting(true);
        wearer.Hold(6, Sitting);

        Assert.Equal(NeutralKind.Sitting, wearer.LastTaken!.Neutral);
        Assert.Equal(15.0, wearer.Calibration.Current!.Standing.Angles.PelvisPitchDegrees, 6);
    }

    [Fact]
    public void DeviceButton_WhileSitting_TakesTheSittingNeutral_WhichOverridesTheDefault()
    {
        using var wearer = new Wearer();
        wearer.Calibration.Request();
        wearer.Hold(6, Standing);
        Assert.Equal(-12.0 + 10.0, wearer.Calibration.Current!.SittingLordosisDegrees, 6);

        wearer.Calibration.ReportSitting(true);
        wearer.Hold(1, Sitting).Event(DeviceEventCode.CalibrateRequest).Hold(6, Sitting);

        Assert.Equal(NeutralKind.Sitting, wearer.LastTaken!.Neutral);
        NeutralSet neutrals = wearer.Calibration.Current!;
        Assert.NotNull(neutrals.Sitting);
        Assert.Equal(3.0, neutrals.SittingLordosisDegrees, 6);
        Assert.Equal(15.0, neutrals.Standing.Angles.PelvisPitchDegrees, 6);

        wearer.Hold(3, (0, 0.5, 1, -0.5));
        PostureSample s = wearer.Last;
        Assert.Equal(-2.0, s.LordosisDeltaSittingDegrees, 3);
        Assert.Equal(-9.0, s.LordosisDeltaStandingDegrees, 3);
        Assert.Equal(-2.0, s.LordosisDelta(sitting: true), 3);
    }

    [Fact]
    public void SittingNeutral_DefaultsToTheStandingOneShifted_AndTheShiftIsConfigurable()
    {
        using var byDefault = new Wearer();
        byDefault.Calibration.Request();
        byDefault.Hold(6, Standing);
        using var custom = new Wearer(options: new CalibrationOptions { SittingPelvisShiftDegrees = -20, SittingLordosisShiftDegrees = -6 });
        custom.Calibration.Request();
        custom.Hold(6, Standing);

        NeutralSet d = byDefault.Calibration.Current!;
        Assert.Null(d.Sitting);
        Assert.Equal(0.0, d.SittingAngles.PelvisPitchDegrees, 6);
        Assert.Equal(-2.0, d.SittingLordosisDegrees, 6);
        Assert.Equal(0.0, byDefault.Last.LordosisDeltaStandingDegrees, 3);
        Assert.Equal(12.0, byDefault.Last.LordosisDeltaSittingDegrees, 3);

        NeutralSet c = custom.Calibration.Current!;
        Assert.Equal(-5.0, c.SittingAngles.PelvisPitchDegrees, 6);
        Assert.Equal(4.0, c.SittingLordosisDegrees, 6);
        Assert.Throws<ArgumentOutOfRangeException>(() => new CalibrationOptions { SittingLordosisShiftDegrees = double.NaN }.Validate());
    }

    [Fact]
    public void AfterFiveSecondsOfWalking_WithNoNeutral_TheNextQuietWindowBecomesTheStandingNeutral()
    {
        using var wearer = new Wearer();
        wearer.Walk(8, Standing);
        Assert.Null(wearer.LastTaken);

        wearer.Hold(7, Standing);

        Assert.Equal(CalibrationSource.AfterWalking, wearer.LastTaken!.Source);
        Assert.Equal(CalibrationState.Calibrated, wearer.Last.Calibration);
    }

    [Fact]
    public void ShortWalking_OrAnExistingNeutral_OrSitting_DoesNotCalibrateAutomatically()
    {
        using var shortWalk = new Wearer();
        shortWalk.Walk(4, Standing).Hold(7, Standing);
        Assert.Null(shortWalk.LastTaken);

        using var sitting = new Wearer();
        sitting.Calibration.ReportSitting(true);
        sitting.Walk(6, Sitting).Hold(7, Sitting);
        Assert.Null(sitting.LastTaken);

        using var calibrated = new Wearer();
        calibrated.Calibration.Request();
        calibrated.Hold(6, Standing);
        DateTimeOffset first = calibrated.Calibration.Current!.Standing.TakenAt;
        calibrated.Walk(30, (6, 1, 18, -1)).Hold(7, (6, 1, 18, -1));
        Assert.Equal(first, calibrated.Calibration.Current!.Standing.TakenAt);
    }

    [Fact]
    public void AutomaticNeutral_SittingDownStraightAfterTheWalk_IsNotTakenAsStanding()
    {
        using var wearer = new Wearer();

        // Before a neutral exists detection cannot tell sitting (ReportSitting stays false); the chair is 14° back from the walk.
        wearer.Walk(8, Standing).Hold(1.5, Standing).Hold(60, Sitting);

        Assert.Null(wearer.LastTaken);
        Assert.False(wearer.Calibration.IsWaiting);
        Assert.Equal(CalibrationState.Uncalibrated, wearer.Last.Calibration);
    }

    [Fact]
    public void AutomaticNeutral_OnlyFromAQuietWindowStartingWithinFiveSecondsOfTheWalk()
    {
        using var wearer = new Wearer();

        wearer.Walk(8, Standing).Hold(9, Standing, t => 3 * Math.Sin(2 * Math.PI * 0.4 * t)).Hold(20, Standing);
        Assert.Null(wearer.LastTaken);

        wearer.Walk(6, Standing).Hold(1, Standing, t => 3 * Math.Sin(2 * Math.PI * 0.4 * t)).Hold(6, Standing);
        Assert.Equal(CalibrationSource.AfterWalking, wearer.LastTaken!.Source);
        Assert.Equal(15.0, wearer.Calibration.Current!.Standing.Angles.PelvisPitchDegrees, 3);
    }

    [Fact]
    public void AutomaticNeutral_ALongWalkLongAgo_DoesNotArmAShortWalkNow()
    {
        using var wearer = new Wearer();

        wearer.Walk(8, Standing).Hold(30, Sitting).Walk(3, Standing).Hold(7, Standing);

        Assert.Null(wearer.LastTaken);
    }

    [Fact]
    public void Neutral_IsPersistedPerDevice_AndReloadedAfterARestart()
    {
        string directory = Path.Combine(Path.GetTempPath(), "ps-cal-" + Guid.NewGuid().ToString("N"));
        try
        {
            Neutral taken;
            using (var before = new Wearer(new JsonFileCalibrationStore(directory), deviceId: 0xABCDEF))
            {
                before.Calibration.Request();
                before.Hold(6, Standing);
                taken = before.Calibration.Current!.Standing;
                Assert.Equal(Wearer.Start.AddSeconds(5), taken.TakenAt);
            }

            using var after = new Wearer(new JsonFileCalibrationStore(directory), deviceId: 0xABCDEF);
            after.Hold(0.1, (8, 1, 22, -1));
            Assert.Contains(after.Notices, n => n.Kind == CalibrationNoticeKind.Loaded);
            Assert.Equal(taken, after.Calibration.Current!.Standing);
            Assert.Equal(CalibrationState.Calibrated, after.Last.Calibration);
            Assert.Equal(7.0, after.Last.PelvicTiltDegrees, 6);

            using var other = new Wearer(new JsonFileCalibrationStore(directory), deviceId: 0x1234);
            other.Hold(0.1, Standing);
            Assert.Equal(CalibrationState.Uncalibrated, other.Last.Calibration);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    public static TheoryData<string> StaleCauses() => ["event2", "reset", "gap"];

    [Theory]
    [MemberData(nameof(StaleCauses))]
    public void Neutral_GoesStale_OnEvent2_DeviceReset_OrAGapOverTenMinutes_AndIsStillUsed(string cause)
    {
        var store = new InMemoryCalibrationStore();
        using var wearer = new Wearer(store);
        wearer.Calibration.Request();
        wearer.Hold(6, Standing);

        _ = cause switch
        {
            "event2" => wearer.Event(DeviceEventCode.SensorReinitialised),
            "reset" => wearer.RestartDevice(),
            _ => wearer.Gap(TimeSpan.FromMinutes(11)),
        };
        wearer.Hold(1, (8, 1, 22, -1));

        StaleReason expected = cause switch
        {
            "event2" => StaleReason.SensorReinitialised,
            "reset" => StaleReason.DeviceReset,
            _ => StaleReason.LongGap,
        };
        Assert.Equal(CalibrationState.Stale, wearer.Last.Calibration);
        Assert.Equal(7.0, wearer.Last.PelvicTiltDegrees, 3);
        Assert.Equal(expected, store.Load(7)!.Stale);
        Assert.Contains(wearer.Notices, n => n.Kind == CalibrationNoticeKind.Stale && n.Stale == expected);

        wearer.Calibration.Request();
        wearer.Hold(6, (8, 1, 22, -1));
        Assert.Equal(CalibrationState.Calibrated, wearer.Last.Calibration);
        Assert.Equal(StaleReason.None, store.Load(7)!.Stale);
    }

    [Fact]
    public void ShortGap_DoesNotMakeTheNeutralStale()
    {
        using var wearer = new Wearer();
        wearer.Calibration.Request();
        wearer.Hold(6, Standing).Gap(TimeSpan.FromMinutes(9)).Hold(1, Standing);

        Assert.Equal(CalibrationState.Calibrated, wearer.Last.Calibration);
        Assert.True(wearer.Output.Exists(f => f.Samples.Length > 0 && f.Samples[0].IsAfterGap));
    }

    [Fact]
    public void StaleNeutral_IsReplacedAutomaticallyAfterWalking()
    {
        using var wearer = new Wearer();
        wearer.Calibration.Request();
        wearer.Hold(6, Standing).Event(DeviceEventCode.SensorReinitialised).Hold(1, Standing);
        Assert.Equal(CalibrationState.Stale, wearer.Last.Calibration);

        wearer.Walk(10, (6, 1, 17, -1)).Hold(6, (6, 1, 17, -1));

        Assert.Equal(CalibrationSource.AfterWalking, wearer.LastTaken!.Source);
        Assert.Equal(CalibrationState.Calibrated, wearer.Last.Calibration);
        Assert.Equal(17.0, wearer.Calibration.Current!.Standing.Angles.PelvisPitchDegrees, 3);
    }
}
