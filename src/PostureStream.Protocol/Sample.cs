namespace PostureStream.Protocol;

/// <summary>
/// One SAMPLES entry as it travels: a device tick in microseconds and four angles in hundredths of a degree.
/// <see cref="NotAvailable"/> marks a reading the device could not take.
/// </summary>
public readonly record struct Sample(
    uint TickMicroseconds,
    short LumbarPitchCentiDegrees,
    short LumbarRollCentiDegrees,
    short PelvisPitchCentiDegrees,
    short PelvisRollCentiDegrees)
{
    public const short NotAvailable = short.MinValue;

    /// <summary>Degrees from a raw angle, or NaN when the raw value is <see cref="NotAvailable"/>.</summary>
    public static double ToDegrees(short centiDegrees) => centiDegrees == NotAvailable ? double.NaN : centiDegrees / 100.0;
}
