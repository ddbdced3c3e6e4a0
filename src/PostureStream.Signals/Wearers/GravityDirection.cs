namespace PostureStream.Signals.Wearers;

/// <summary>
/// A sensor's "up" (the direction opposite to gravity) in its own frame: the yaw-free part of its orientation, the only
/// part posture needs. Three ways to get it, by what the sensor sends.
/// </summary>
public static class GravityDirection
{
    private const double DegreesToRadians = Math.PI / 180;

    /// <summary>
    /// From Z-Y-X (yaw, pitch, roll) Euler angles as IMUs with onboard fusion report them (WitMotion's angle packet):
    /// up = (−sin θ, cos θ sin φ, cos θ cos φ). Yaw does not enter, so a drifting or magnetically disturbed heading
    /// does no harm.
    /// </summary>
    public static Vector3D FromEulerDegrees(double rollDegrees, double pitchDegrees)
    {
        double roll = rollDegrees * DegreesToRadians, pitch = pitchDegrees * DegreesToRadians;
        double c = Math.Cos(pitch);
        return new Vector3D(-Math.Sin(pitch), c * Math.Sin(roll), c * Math.Cos(roll));
    }

    /// <summary>From a sensor-to-world quaternion (any scale): Rᵀ·ẑ, the third row of its rotation matrix.</summary>
    public static Vector3D FromQuaternion(double w, double x, double y, double z)
    {
        double n = (w * w) + (x * x) + (y * y) + (z * z);
        if (!(n > 0))
        {
            return Vector3D.NaN;
        }

        double s = 2 / n;
        return new Vector3D(s * ((x * z) - (w * y)), s * ((y * z) + (w * x)), 1 - (s * ((x * x) + (y * y)))).Normalized();
    }

    /// <summary>
    /// From the accelerometer (specific force, any unit): the up direction itself while the sensor is still. It is
    /// wrong by the tilt of any linear acceleration, so it suits only quiet standing, e.g. the neutral of the
    /// functional calibration for a sensor that sends no angles.
    /// </summary>
    public static Vector3D FromAcceleration(double x, double y, double z) => new Vector3D(x, y, z).Normalized();
}
