namespace PostureStream.Simulation.WitMotion;

/// <summary>
/// A rotation as a 3×3 matrix (row-major), mapping vectors of a body frame into the frame it is given in:
/// <c>v_outer = R · v_body</c>. Composition reads right to left: <c>A * B</c> applies B first.
/// </summary>
public readonly record struct RotationMatrix(
    double M00, double M01, double M02,
    double M10, double M11, double M12,
    double M20, double M21, double M22)
{
    public static readonly RotationMatrix Identity = new(1, 0, 0, 0, 1, 0, 0, 0, 1);

    /// <summary>The matrix whose columns are the body's axes given in the outer frame.</summary>
    public static RotationMatrix FromColumns(Vector3D x, Vector3D y, Vector3D z) => new(x.X, y.X, z.X, x.Y, y.Y, z.Y, x.Z, y.Z, z.Z);

    public static RotationMatrix AboutX(double radians)
    {
        double c = Math.Cos(radians), s = Math.Sin(radians);
        return new(1, 0, 0, 0, c, -s, 0, s, c);
    }

    public static RotationMatrix AboutY(double radians)
    {
        double c = Math.Cos(radians), s = Math.Sin(radians);
        return new(c, 0, s, 0, 1, 0, -s, 0, c);
    }

    public static RotationMatrix AboutZ(double radians)
    {
        double c = Math.Cos(radians), s = Math.Sin(radians);
        return new(c, -s, 0, s, c, 0, 0, 0, 1);
    }

    /// <summary>Rodrigues: a rotation of <paramref name="radians"/> about the unit <paramref name="axis"/>.</summary>
    public static RotationMatrix AboutAxis(Vector3D axis, double radians)
    {
        Vector3D u = axis.Normalized();
        double c = Math.Cos(radians), s = Math.Sin(radians), t = 1 - c;
        return new(
            (t * u.X * u.X) + c, (t * u.X * u.Y) - (s * u.Z), (t * u.X * u.Z) + (s * u.Y),
            (t * u.X * u.Y) + (s * u.Z), (t * u.Y * u.Y) + c, (t * u.Y * u.Z) - (s * u.X),
            (t * u.X * u.Z) - (s * u.Y), (t * u.Y * u.Z) + (s * u.X), (t * u.Z * u.Z) + c);
    }

    public RotationMatrix Transposed() => new(M00, M10, M20, M01, M11, M21, M02, M12, M22);

    public Vector3D ColumnX => new(M00, M10, M20);

    public Vector3D ColumnY => new(M01, M11, M21);

    public Vector3D ColumnZ => new(M02, M12, M22);

    public static Vector3D operator *(RotationMatrix r, Vector3D v) => new(
        (r.M00 * v.X) + (r.M01 * v.Y) + (r.M02 * v.Z),
        (r.M10 * v.X) + (r.M11 * v.Y) + (r.M12 * v.Z),
        (r.M20 * v.X) + (r.M21 * v.Y) + (r.M22 * v.Z));

    public static RotationMatrix operator *(RotationMatrix a, RotationMatrix b) =>
        FromColumns(a * b.ColumnX, a * b.ColumnY, a * b.ColumnZ);
}
