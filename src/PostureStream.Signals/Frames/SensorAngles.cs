namespace PostureStream.Signals;

/// <summary>The four channels of the device, in degrees (NaN when not available).</summary>
/// <param name="LumbarPitchDegrees">Sagittal inclination of the lumbar sensor, positive = top tilted forward.</param>
/// <param name="LumbarRollDegrees">Frontal inclination of the lumbar sensor, positive = top tilted to the wearer's right.</param>
/// <param name="PelvisPitchDegrees">Sagittal inclination of the pelvis sensor.</param>
/// <param name="PelvisRollDegrees">Frontal inclination of the pelvis sensor.</param>
public readonly record struct SensorAngles(
    double LumbarPitchDegrees,
    double LumbarRollDegrees,
    double PelvisPitchDegrees,
    double PelvisRollDegrees)
{
    /// <summary>All four channels unavailable.</summary>
    public static SensorAngles Unavailable => new(double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>pelvis_pitch − lumbar_pitch (Signals README, angles): the lumbar curve, larger = more arched.</summary>
    public double LordosisDegrees => PelvisPitchDegrees - LumbarPitchDegrees;
}
