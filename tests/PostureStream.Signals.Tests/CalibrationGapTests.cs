namespace PostureStream.Signals.Tests;

/// <summary>
/// The quiet window on a lossy link: short holes are bridged and counted (not filled in), a long one starts the
/// window again, and a window that is mostly holes is not judged.
/// </summary>
public sealed class CalibrationGapTests
{
    private static readonly (double, double, double, double) Standing = (5, 1, 15, -1);

    [Fact]
    public void Request_WithAFrameLostEverySecond_BridgesTheHoles_AndTakesTheNeutralFromTheSamplesThatArrived()
    {
        using var wearer = new Wearer();
        wearer.Calibration.Request();

        // Two frames (200 ms) of every ten are lost: before, each hole restarted the window and no neutral was ever taken.
        wearer.Hold(6, Standing, lost: frame => frame % 10 is 3 or 4);

        CalibrationNotice taken = Assert.IsType<CalibrationNotice>(wearer.LastTaken);
        WindowCoverage window = Assert.IsType<WindowCoverage>(taken.Window);
        Assert.Equal(51, window.NominalPoints);
        Assert.InRange(window.Points, 41, 42);
        Assert.Equal(5, window.BridgedGaps);
        Assert.Equal(15.0, wearer.Calibration.Current!.Standing.Angles.PelvisPitchDegrees, 6);
    }

    [Fact]
    public void Request_AHoleOverHalfASecond_StartsTheWindowAgain()
    {
        using var wearer = new Wearer();
        wearer.Calibration.Request();

        wearer.Hold(3, Standing).Gap(TimeSpan.FromMilliseconds(600)).Hold(4.5, Standing);
        Assert.Null(wearer.LastTaken);

        wearer.Hold(1, Standing);
        CalibrationNotice taken = Assert.IsType<CalibrationNotice>(wearer.LastTaken);
        Assert.Equal(0, taken.Window!.Value.BridgedGaps);
    }

    [Fact]
    public void Request_AWindowWithLessThanFourFifthsOfItsPoints_IsNotJudged()
    {
        using var wearer = new Wearer();
        wearer.Calibration.Request();

        // Three frames of every ten lost: 70 % of the points arrive, every hole is short.
        wearer.Hold(20, Standing, lost: frame => frame % 10 is 2 or 5 or 8);
        Assert.Null(wearer.LastTaken);
        Assert.True(wearer.Calibration.IsWaiting);

        wearer.Hold(6, Standing, lost: frame => frame % 10 == 5);
        Assert.NotNull(wearer.LastTaken);
    }

    [Fact]
    public void Request_ASwayHiddenPartlyInHoles_IsStillNotQuiet()
    {
        using var wearer = new Wearer();
        wearer.Calibration.Request();

        wearer.Hold(15, Standing, t => 3 * Math.Sin(2 * Math.PI * 0.4 * t), lost: frame => frame % 10 == 7);

        Assert.Null(wearer.LastTaken);
    }

    [Fact]
    public void Options_CoverageAndBridgedGap_AreValidated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CalibrationOptions { QuietMinCoverage = 0 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new CalibrationOptions { QuietMinCoverage = 1.1 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new CalibrationOptions { QuietMaxBridgedGap = TimeSpan.FromSeconds(3) }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new CalibrationOptions { AutoQuietWithin = TimeSpan.FromSeconds(-1) }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new CalibrationOptions { AutoMaxPelvisChangeDegrees = double.NaN }.Validate());
    }
}
