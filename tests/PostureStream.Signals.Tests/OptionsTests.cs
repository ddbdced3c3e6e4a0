namespace PostureStream.Signals.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void Defaults_AreThoseOfTheDesign_AndValid()
    {
        DeviceTimeOptions time = new DeviceTimeOptions().Validate();
        LowPassOptions lowPass = new LowPassOptions().Validate();
        CalibrationOptions calibration = new CalibrationOptions().Validate();

        Assert.Equal((100, 3.0, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), ClockSource.Arrival), (time.DefaultSampleRateHz, time.GapPeriods, time.LongGap, time.SilenceTimeout, time.Clock));
        Assert.Equal((2.0, 2), (lowPass.CutoffHz, lowPass.Order));
        Assert.Equal((TimeSpan.FromSeconds(5), 1.0, TimeSpan.FromSeconds(5), -15.0, -12.0, TimeSpan.FromMinutes(10)), (calibration.QuietWindow, calibration.QuietMaxStdDevDegrees, calibration.MinWalkingForAuto, calibration.SittingPelvisShiftDegrees, calibration.SittingLordosisShiftDegrees, calibration.StaleAfterGap));
    }

    [Fact]
    public void OutOfRangeOptions_AreRejectedNamingTheOption()
    {
        Assert.Equal("DefaultSampleRateHz", Assert.Throws<ArgumentOutOfRangeException>(() => new DeviceTimeOptions { DefaultSampleRateHz = 0 }.Validate()).ParamName);
        Assert.Equal("GapPeriods", Assert.Throws<ArgumentOutOfRangeException>(() => new DeviceTimeOptions { GapPeriods = double.NaN }.Validate()).ParamName);
        Assert.Equal("SilenceTimeout", Assert.Throws<ArgumentOutOfRangeException>(() => new DeviceTimeOptions { SilenceTimeout = TimeSpan.Zero }.Validate()).ParamName);
        Assert.Equal("QuietWindow", Assert.Throws<ArgumentOutOfRangeException>(() => new CalibrationOptions { QuietWindow = TimeSpan.FromMilliseconds(10) }.Validate()).ParamName);
        Assert.Equal("QuietMaxStdDevDegrees", Assert.Throws<ArgumentOutOfRangeException>(() => new CalibrationOptions { QuietMaxStdDevDegrees = -1 }.Validate()).ParamName);
        Assert.Equal("StaleAfterGap", Assert.Throws<ArgumentOutOfRangeException>(() => new CalibrationOptions { StaleAfterGap = TimeSpan.Zero }.Validate()).ParamName);
    }

    [Fact]
    public void CutoffAboveHalfTheDeviceRate_IsClampedRatherThanFailingTheDevice()
    {
        SosFilter filter = new LowPassOptions { CutoffHz = 30 }.DesignFor(50);

        Assert.InRange(filter.Magnitude(0.45 * 50, 50), Math.Sqrt(0.5) * 0.99, Math.Sqrt(0.5) * 1.01);
    }
}
