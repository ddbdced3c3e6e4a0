namespace PostureStream.Protocol;

/// <summary>
/// The full-scale codes a RAW frame may carry, and the scaling they imply: physical = raw × full scale / 32768.
/// A code not listed makes the frame a bad-length frame, so a reading is never scaled with a guess.
/// </summary>
public static class RawFullScale
{
    /// <summary>Accelerometer full scales in g.</summary>
    public static ReadOnlySpan<byte> AccelerometerG => [2, 4, 8, 16];

    /// <summary>Gyroscope full scales in °/s.</summary>
    public static ReadOnlySpan<ushort> GyroscopeDps => [125, 250, 500, 1000, 2000, 4000];

    public static bool IsValidAccelerometer(byte fullScaleG) => fullScaleG is 2 or 4 or 8 or 16;

    public static bool IsValidGyroscope(ushort fullScaleDps) => fullScaleDps is 125 or 250 or 500 or 1000 or 2000 or 4000;

    /// <summary>The physical value of a raw reading at <paramref name="fullScale"/> (g or °/s).</summary>
    public static double ToPhysical(short raw, double fullScale) => raw * fullScale / 32768.0;

    /// <summary>
    /// The raw reading of <paramref name="physical"/> at <paramref name="fullScale"/>: rounded to the nearest
    /// step and saturated at the i16 limits, as an IMU's output register does.
    /// </summary>
    public static short ToRaw(double physical, double fullScale)
    {
        double scaled = Math.Round(physical * 32768.0 / fullScale, MidpointRounding.AwayFromZero);
        return scaled >= short.MaxValue ? short.MaxValue : scaled <= short.MinValue ? short.MinValue : (short)scaled;
    }
}
