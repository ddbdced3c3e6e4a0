namespace PostureStream.Simulation.Imu;

/// <summary>A rotation as a unit quaternion in double precision (w, x, y, z); <c>Rotate</c> maps a vector by it.</summary>
internal readonly record struct Quat(double W, double X, double Y, double Z)
{
    public static Quat Identity => new(1, 0, 0, 0);

    public Quat Conjugate => new(W, -X, -Y, -Z);

    /// <summary>A rotation of <paramref name="radians"/> about the unit <paramref name="axis"/>.</summary>
    public static Quat About((double X, double Y, double Z) axis, double radians)
    {
        double s = Math.Sin(radians / 2);
        return new Quat(Math.Cos(radians / 2), axis.X * s, axis.Y * s, axis.Z * s);
    }

    /// <summary>The rotation by the rotation vector <paramref name="v"/> (axis × angle, rad).</summary>
    public static Quat FromRotationVector((double X, double Y, double Z) v)
    {
        double angle = Math.Sqrt((v.X * v.X) + (v.Y * v.Y) + (v.Z * v.Z));
        return angle < 1e-15 ? Identity : About((v.X / angle, v.Y / angle, v.Z / angle), angle);
    }

    public static Quat operator *(Quat a, Quat b) => new(
        (a.W * b.W) - (a.X * b.X) - (a.Y * b.Y) - (a.Z * b.Z),
        (a.W * b.X) + (a.X * b.W) + (a.Y * b.Z) - (a.Z * b.Y),
        (a.W * b.Y) - (a.X * b.Z) + (a.Y * b.W) + (a.Z * b.X),
        (a.W * b.Z) + (a.X * b.Y) - (a.Y * b.X) + (a.Z * b.W));

    public (double X, double Y, double Z) Rotate((double X, double Y, double Z) v)
    {
        Quat r = this * new Quat(0, v.X, v.Y, v.Z) * Conjugate;
        return (r.X, r.Y, r.Z);
    }

    /// <summary>The rotation vector (axis × angle, rad) of this rotation, taking the shorter way.</summary>
    public (double X, double Y, double Z) ToRotationVector()
    {
        Quat q = W < 0 ? new Quat(-W, -X, -Y, -Z) : this;
        double s = Math.Sqrt((q.X * q.X) + (q.Y * q.Y) + (q.Z * q.Z));
        if (s < 1e-15)
        {
            return (2 * q.X, 2 * q.Y, 2 * q.Z);
        }

        double angle = 2 * Math.Atan2(s, q.W);
        return (q.X / s * angle, q.Y / s * angle, q.Z / s * angle);
    }
}
