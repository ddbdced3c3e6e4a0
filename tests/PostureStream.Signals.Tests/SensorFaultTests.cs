using PostureStream.Protocol;
using PostureStream.Testing;

namespace PostureStream.Signals.Tests;

public sealed class SensorFaultTests
{
    private static readonly (double, double, double, double) Standing = (5, 1, 15, -1);

    private static Wearer Calibrated(SensorMask sensors = SensorMask.Both)
    {
        var wearer = new Wearer(sensors: sensors);
        wearer.Calibration.Request();
        wearer.Hold(6, Standing);
        return wearer;
    }

    [Fact]
    public void MissingLumbarReading_MakesWhatNeedsTheLumbarSensorUnavailable()
    {
        using Wearer wearer = Calibrated();

        wearer.Hold(3, (double.NaN, 1, 18, -1));

        PostureSample s = wearer.Last;
        Assert.Equal(SensorFaults.Lumbar, s.Faults);
        Assert.Equal(SensorFaults.Lumbar, wearer.Output[^1].Faults);
        Assert.True(double.IsNaN(s.LumbarFlexionDegrees));
        Assert.True(double.IsNaN(s.LordosisDegrees));
        Assert.True(double.IsNaN(s.LordosisDeltaStandingDegrees));
        Assert.True(double.IsNaN(s.LordosisDeltaSittingDegrees));
        Assert.Equal(3.0, s.PelvicTiltDegrees, 3);
    }

    [Fact]
    public void StatusFaultFlag_HoldsUntilTheNextStatus()
    {
        using Wearer wearer = Calibrated();

        wearer.Send(PspMessageBuilder.Status(StatusFlags.PelvisFault | StatusFlags.Charging)).Hold(2, Standing);
        PostureSample during = wearer.Last;
        wearer.Send(PspMessageBuilder.Status(StatusFlags.Charging)).Hold(0.5, Standing);
        PostureSample after = wearer.Last;

        Assert.Equal(SensorFaults.Pelvis, during.Faults);
        Assert.True(double.IsNaN(during.PelvicTiltDegrees));
        Assert.True(double.IsNaN(during.LordosisDeltaStandingDegrees));
        Assert.Equal(0.0, during.LumbarFlexionDegrees, 6);
        Assert.Equal(SensorFaults.None, after.Faults);
        Assert.Equal(0.0, after.PelvicTiltDegrees, 6);
    }

    [Fact]
    public void SensorMissingFromHelloMask_IsAFault_AndBlocksCalibration()
    {
        using var wearer = new Wearer(sensors: SensorMask.Lumbar);
        wearer.Calibration.Request();

        wearer.Hold(7, Standing);

        Assert.Equal(SensorFaults.Pelvis, wearer.Last.Faults);
        Assert.Null(wearer.LastTaken);
        Assert.Equal(CalibrationState.Uncalibrated, wearer.Last.Calibration);
    }

    [Fact]
    public void FaultDuringTheQuietWindow_RestartsIt()
    {
        using var wearer = new Wearer();
        wearer.Calibration.Request();

        wearer.Hold(4, Standing).Hold(0.1, (5, 1, double.NaN, -1)).Hold(4, Standing);
        Assert.Null(wearer.LastTaken);

        wearer.Hold(1.5, Standing);
        Assert.NotNull(wearer.LastTaken);
    }
}
