namespace PostureStream.Signals.Fusion;

/// <summary>
/// Gains and thresholds of the per-IMU orientation filter (<see cref="TiltFilter"/>, Signals Fusion README). Gains are
/// continuous-time (per second), so the filter behaves the same at 25 and at 400 Hz.
/// </summary>
public sealed class FusionOptions
{
    /// <summary>Proportional gain k_P of the accelerometer correction, rad/s (the crossover between gyro and accelerometer). Default 1.</summary>
    public double ProportionalGain { get; set; } = 1.0;

    /// <summary>Integral gain k_I of the gyroscope bias estimate, rad/s². Default 0.02.</summary>
    public double IntegralGain { get; set; } = 0.02;

    /// <summary>k_P right after start-up (and after a gap or a reset), falling linearly to <see cref="ProportionalGain"/> over <see cref="StartupTime"/>. Default 10.</summary>
    public double StartupProportionalGain { get; set; } = 10;

    /// <summary>
    /// k_I right after start-up, moving to <see cref="IntegralGain"/> like the proportional gain. Default 0: the large
    /// error of the first moments is attitude, not bias, and must not wind the bias estimate up.
    /// </summary>
    public double StartupIntegralGain { get; set; }

    /// <summary>How long the start-up gains take to fall to the nominal ones. Default 1 s.</summary>
    public TimeSpan StartupTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The accelerometer's weight is 1 / (1 + (m / this)²), m being the RMS departure of |a| from 1 g over about 1.5 s:
    /// a wearer who walks (m ≈ 0.2 g) is corrected about a seventh as fast as one standing still. Default 0.08 g.
    /// </summary>
    public double MotionReferenceG { get; set; } = 0.08;

    /// <summary>A reading with |a| further than this from 1 g (an impact, a jump) does not correct the attitude at all. Default 0.7 g.</summary>
    public double AccelerometerRejectG { get; set; } = 0.7;

    /// <summary>
    /// While the wearer is still (accelerometer and gyroscope steady, |a| within a tenth of a g of 1 g),
    /// the bias estimate follows the smoothed gyroscope reading with this time constant. Default 2 s.
    /// </summary>
    public TimeSpan StillBiasTimeConstant { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Still means the accelerometer reading varies by less than this (smoothed |a − mean a|). Default 0.02 g.</summary>
    public double StillAccelerationG { get; set; } = 0.02;

    /// <summary>Still means the smoothed variation of the gyroscope reading is below this. Default 1.5 °/s.</summary>
    public double StillRateDegreesPerSecond { get; set; } = 1.5;

    /// <summary>A step between samples longer than this (lost frames) is not integrated: the rate in the hole is unknown. Default 250 ms.</summary>
    public TimeSpan MaxStep { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>A step longer than this restarts the attitude from the accelerometer, as at start-up. Default 5 s.</summary>
    public TimeSpan RestartAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Throws when an option is out of range, naming it and what would be valid.</summary>
    public FusionOptions Validate()
    {
        Positive(ProportionalGain, nameof(ProportionalGain));
        Positive(StartupProportionalGain, nameof(StartupProportionalGain));
        NotNegative(IntegralGain, nameof(IntegralGain));
        NotNegative(StartupIntegralGain, nameof(StartupIntegralGain));
        Positive(MotionReferenceG, nameof(MotionReferenceG));
        Positive(AccelerometerRejectG, nameof(AccelerometerRejectG));
        Positive(StillAccelerationG, nameof(StillAccelerationG));
        Positive(StillRateDegreesPerSecond, nameof(StillRateDegreesPerSecond));
        if (StartupTime < TimeSpan.Zero || StartupTime > TimeSpan.FromMinutes(1))
        {
            throw new ArgumentOutOfRangeException(nameof(StartupTime), StartupTime, "must be 0 – 1 min");
        }

        if (StillBiasTimeConstant <= TimeSpan.Zero || MaxStep <= TimeSpan.Zero || RestartAfter < MaxStep)
        {
            throw new ArgumentOutOfRangeException(nameof(StillBiasTimeConstant), "StillBiasTimeConstant and MaxStep must be above 0, and RestartAfter at least MaxStep");
        }

        return this;
    }

    private static void Positive(double value, string name)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "must be a finite number above 0");
        }
    }

    private static void NotNegative(double value, string name)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "must be a finite number, 0 or more");
        }
    }
}
