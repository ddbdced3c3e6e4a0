namespace PostureStream.Simulation.WitMotion;

/// <summary>
/// Full scales of the WT901 outputs (int16 counts / 32768 × full scale), from WitMotion's WT901 protocol
/// document: angle ±180°, acceleration ±16 g, angular velocity ±2000 °/s, quaternion ±1.
/// </summary>
public static class WitMotionScale
{
    public const double AngleDegrees = 180;
    public const double AccelerationG = 16;
    public const double AngularVelocityDegreesPerSecond = 2000;
    public const double Quaternion = 1;

    /// <summary>One count of the angle outputs: 180/32768 ≈ 0.0055°.</summary>
    public const double AngleStepDegrees = AngleDegrees / 32768;

    /// <summary>An angle in degrees as the sensor sends it: wrapped to ±180°, in 180/32768° counts (+180° is −32768).</summary>
    public static short AngleCounts(double degrees)
    {
        long counts = (long)Math.Round(degrees / AngleDegrees * 32768);
        return unchecked((short)counts);
    }

    /// <summary>A value in the unit of <paramref name="fullScale"/>, as counts clamped to the int16 range.</summary>
    public static short Counts(double value, double fullScale) =>
        (short)Math.Clamp(Math.Round(value / fullScale * 32768), short.MinValue, short.MaxValue);

    public static double FromCounts(short counts, double fullScale) => counts * fullScale / 32768;
}
