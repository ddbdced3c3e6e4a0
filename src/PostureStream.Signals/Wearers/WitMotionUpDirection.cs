using PostureStream.Protocol.WitMotion;

namespace PostureStream.Signals.Wearers;

/// <summary>
/// Picks, from one WitMotion stream's readings, one up direction per output sample: the angle reading (roll and pitch;
/// the sensor's default output), or the quaternion where the user enabled quaternion output and no angles come
/// (none for 1 s). Acceleration and angular velocity readings give no sample here.
/// </summary>
public sealed class WitMotionUpDirection
{
    private const long AnglesFreshMicroseconds = 1_000_000;
    private long _lastAngle = long.MinValue;

    /// <summary>True with the sensor's up direction when <paramref name="reading"/> is the sample's orientation.</summary>
    public bool TryTake(in WitMotionReading reading, out Vector3D up)
    {
        switch (reading.Kind)
        {
            case WitMotionReadingKind.Angle:
                _lastAngle = reading.ArrivalMicroseconds;
                up = GravityDirection.FromEulerDegrees(reading.X, reading.Y);
                return true;
            case WitMotionReadingKind.Quaternion when _lastAngle == long.MinValue || reading.ArrivalMicroseconds - _lastAngle > AnglesFreshMicroseconds:
                up = GravityDirection.FromQuaternion(reading.W, reading.X, reading.Y, reading.Z);
                return !up.IsNaN;
            case WitMotionReadingKind.Quaternion:
            case WitMotionReadingKind.Acceleration:
            case WitMotionReadingKind.AngularVelocity:
                up = Vector3D.NaN;
                return false;
        }

        up = Vector3D.NaN;
        return false;
    }
}
