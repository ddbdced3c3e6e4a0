namespace PostureStream.Protocol.WitMotion;

/// <summary>What a <see cref="WitMotionReading"/> holds, and in which units.</summary>
public enum WitMotionReadingKind
{
    /// <summary>X, Y, Z in g (sensor axes).</summary>
    Acceleration,

    /// <summary>X, Y, Z in degrees per second (sensor axes).</summary>
    AngularVelocity,

    /// <summary>X = roll, Y = pitch, Z = yaw in degrees (Z-Y-X Euler angles; pitch within ±90°).</summary>
    Angle,

    /// <summary>W = q0 (scalar part), X = q1, Y = q2, Z = q3; unit length up to quantisation.</summary>
    Quaternion,
}
