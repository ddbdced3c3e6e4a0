namespace PostureStream.Signals.Fusion;

/// <summary><see cref="FusionOptions"/> in the units the filter's inner loop uses (seconds, rad/s, g), computed once.</summary>
internal sealed class FusionGains
{
    public FusionGains(FusionOptions options)
    {
        FusionOptions o = options.Validate();
        Kp = o.ProportionalGain;
        Ki = o.IntegralGain;
        StartupKp = o.StartupProportionalGain;
        StartupKi = o.StartupIntegralGain;
        StartupSeconds = o.StartupTime.TotalSeconds;
        MotionReferenceG = o.MotionReferenceG;
        RejectG = o.AccelerometerRejectG;
        StillBiasSeconds = o.StillBiasTimeConstant.TotalSeconds;
        StillAccelerationG = o.StillAccelerationG;
        StillRate = o.StillRateDegreesPerSecond * Math.PI / 180;
        MaxStepSeconds = o.MaxStep.TotalSeconds;
        RestartAfterSeconds = o.RestartAfter.TotalSeconds;
    }

    public double Kp { get; }

    public double Ki { get; }

    public double StartupKp { get; }

    public double StartupKi { get; }

    public double StartupSeconds { get; }

    public double MotionReferenceG { get; }

    public double RejectG { get; }

    public double StillBiasSeconds { get; }

    public double StillAccelerationG { get; }

    public double StillRate { get; }

    public double MaxStepSeconds { get; }

    public double RestartAfterSeconds { get; }

    /// <summary>The motion measure averages over several steps, so the weight is steady through a gait cycle.</summary>
    public double MotionSmoothingSeconds => 1.5;

    /// <summary>Time constant of the smoothed gyroscope reading and its variation, for the still test.</summary>
    public double RateSmoothingSeconds => 0.5;
}
