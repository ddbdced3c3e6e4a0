namespace PostureStream.Protocol.WitMotion;

/// <summary>
/// Full-scale ranges of the WT901 family (datasheets, "output data format"): a raw int16 is value / 32768 × range.
/// </summary>
public static class WitMotionScale
{
    /// <summary>Acceleration range in g.</summary>
    public const double AccelerationG = 16.0;

    /// <summary>Angular velocity range in degrees per second.</summary>
    public const double AngularVelocityDegreesPerSecond = 2000.0;

    /// <summary>Angle range in degrees.</summary>
    public const double AngleDegrees = 180.0;

    /// <summary>Quaternion components are raw / 32768.</summary>
    public const double Quaternion = 1.0;

    private const double FullScale = 32768.0;

    public static double ToUnits(short raw, double range) => raw / FullScale * range;

    /// <summary>The raw int16 nearest to <paramref name="value"/> (clamped to the int16 range), for encoders.</summary>
    public static short ToRaw(double value, double range)
    {
        double raw = Math.Round(value / range * FullScale, MidpointRounding.AwayFromZero);
        return (short)Math.Clamp(raw, short.MinValue, short.MaxValue);
    }

    /// <summary>The range of one packet type's first three words.</summary>
    public static double RangeOf(WitMotionPacketType type) => type switch
    {
        WitMotionPacketType.Acceleration => AccelerationG,
        WitMotionPacketType.AngularVelocity => AngularVelocityDegreesPerSecond,
        WitMotionPacketType.Angle => AngleDegrees,
        WitMotionPacketType.Quaternion => Quaternion,
        WitMotionPacketType.Time => throw new ArgumentException("a time packet has no scale", nameof(type)),
    };
}
