namespace PostureStream.Signals.Fusion;

/// <summary>
/// Pitch and roll of a sensor from the direction of "up" in its own axes (SPEC's RAW axes: +x toward the head, +y to
/// the wearer's left, +z dorsal). With u the unit up vector: pitch = atan2(u_z, u_x) — the inclination in the sagittal
/// x–z plane, + when the top tilts forward (the dorsal axis turns up); roll = atan2(u_y, √(u_x² + u_z²)) — + when the
/// top tilts to the wearer's right (the left axis turns up). Upright: u = (1, 0, 0), both 0. The inverse, used by the
/// simulator, is u = (cos roll · cos pitch, sin roll, cos roll · sin pitch).
/// </summary>
internal static class TiltAngles
{
    private const double Degrees = 180 / Math.PI;

    public static double PitchDegrees(Vec3 up) => Math.Atan2(up.Z, up.X) * Degrees;

    public static double RollDegrees(Vec3 up) => Math.Atan2(up.Y, Math.Sqrt((up.X * up.X) + (up.Z * up.Z))) * Degrees;
}
