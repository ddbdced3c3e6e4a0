using PostureStream.Protocol;

namespace PostureStream.Signals.Tests.Fusion;

/// <summary>
/// Raw readings of an IMU in SPEC's RAW axes (+x head, +y left, +z dorsal) for a known attitude, written out from the
/// geometry here rather than taken from the simulator: up in the sensor's axes is (cos r·cos p, sin r, cos r·sin p);
/// a pitch rate is a rate about +y, and at zero pitch a roll rate is a rate about −z.
/// </summary>
internal static class ImuReadings
{
    public const byte AccelFullScale = 4;
    public const ushort GyroFullScale = 500;
    private const double D = Math.PI / 180;

    public static (double X, double Y, double Z) Up(double pitchDegrees, double rollDegrees) =>
        (Math.Cos(rollDegrees * D) * Math.Cos(pitchDegrees * D), Math.Sin(rollDegrees * D), Math.Cos(rollDegrees * D) * Math.Sin(pitchDegrees * D));

    /// <summary>An IMU reading: specific force in g, rate in °/s.</summary>
    public static ImuReading Reading((double X, double Y, double Z) accelG, (double X, double Y, double Z) rateDps) => new(
        RawFullScale.ToRaw(accelG.X, AccelFullScale),
        RawFullScale.ToRaw(accelG.Y, AccelFullScale),
        RawFullScale.ToRaw(accelG.Z, AccelFullScale),
        RawFullScale.ToRaw(rateDps.X, GyroFullScale),
        RawFullScale.ToRaw(rateDps.Y, GyroFullScale),
        RawFullScale.ToRaw(rateDps.Z, GyroFullScale));

    /// <summary>Both IMUs reading the same (the tests look at one channel pair at a time).</summary>
    public static RawSample Both(long microseconds, ImuReading reading) => new((uint)microseconds, reading, reading);

    public static SegmentSample Fuse(this Signals.Fusion.RawImuFusion fusion, long microseconds, ImuReading reading, SensorMask mask = SensorMask.Both) =>
        fusion.Fuse(microseconds, Both(microseconds, reading), mask, AccelFullScale, GyroFullScale);
}
