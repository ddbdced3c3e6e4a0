namespace PostureStream.Signals.Wearers;

/// <summary>A 3-vector in double precision, in a sensor's own frame unless said otherwise.</summary>
public readonly record struct Vector3D(double X, double Y, double Z)
{
    public static readonly Vector3D UnitX = new(1, 0, 0);
    public static readonly Vector3D UnitY = new(0, 1, 0);
    public static readonly Vector3D UnitZ = new(0, 0, 1);

    /// <summary>Not available (a sensor that is lost or in fault).</summary>
    public static readonly Vector3D NaN = new(double.NaN, double.NaN, double.NaN);

    public double Length => Math.Sqrt(Dot(this, this));

    public bool IsNaN => double.IsNaN(X) || double.IsNaN(Y) || double.IsNaN(Z);

    /// <summary>This vector scaled to length 1 (NaN stays NaN; a zero vector becomes NaN).</summary>
    public Vector3D Normalized()
    {
        double length = Length;
        return length > 0 ? this * (1 / length) : NaN;
    }

    public static double Dot(Vector3D a, Vector3D b) => (a.X * b.X) + (a.Y * b.Y) + (a.Z * b.Z);

    public static Vector3D Cross(Vector3D a, Vector3D b) =>
        new((a.Y * b.Z) - (a.Z * b.Y), (a.Z * b.X) - (a.X * b.Z), (a.X * b.Y) - (a.Y * b.X));

    /// <summary>The angle between two directions, degrees (0–180).</summary>
    public static double AngleDegrees(Vector3D a, Vector3D b) =>
        Math.Atan2(Cross(a, b).Length, Dot(a, b)) * 180 / Math.PI;

    /// <summary>Linear interpolation from <paramref name="a"/> (w = 0) to <paramref name="b"/> (w = 1).</summary>
    public static Vector3D Lerp(Vector3D a, Vector3D b, double w) => a + ((b - a) * w);

    public static Vector3D operator +(Vector3D a, Vector3D b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    public static Vector3D operator -(Vector3D a, Vector3D b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    public static Vector3D operator -(Vector3D a) => new(-a.X, -a.Y, -a.Z);

    public static Vector3D operator *(Vector3D a, double k) => new(a.X * k, a.Y * k, a.Z * k);
}
