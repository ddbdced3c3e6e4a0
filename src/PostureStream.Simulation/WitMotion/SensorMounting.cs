namespace PostureStream.Simulation.WitMotion;

/// <summary>
/// How a sensor sits on the skin. Segment frame: X anterior, Y to the wearer's left, Z cranial (up the spine).
/// The reference mounting has the sensor's X axis cranial, its Y axis to the left and its Z axis out of the skin
/// (posterior); the sensor is then turned by <see cref="AboutNormalDegrees"/> about the skin normal (any angle: the
/// label may point anywhere) and tipped <see cref="OffNormalDegrees"/> off the normal (skin curvature, a thick
/// strap) toward <see cref="OffNormalAzimuthDegrees"/>, measured in the sensor's XY plane from its X axis.
/// </summary>
public sealed record SensorMounting(double AboutNormalDegrees, double OffNormalDegrees, double OffNormalAzimuthDegrees)
{
    /// <summary>The largest tip off the skin normal the model draws (a sensor on curved skin, not a loose one).</summary>
    public const double MaxDrawnOffNormalDegrees = 20;

    public static readonly SensorMounting Reference = new(0, 0, 0);

    private static readonly RotationMatrix ReferenceAxes =
        RotationMatrix.FromColumns(Vector3D.UnitZ, Vector3D.UnitY, new Vector3D(-1, 0, 0));

    /// <summary>Sensor axes in the segment frame: <c>v_segment = Rotation · v_sensor</c>.</summary>
    public RotationMatrix Rotation
    {
        get
        {
            double azimuth = OffNormalAzimuthDegrees * Math.PI / 180;
            var tipAxis = new Vector3D(Math.Cos(azimuth), Math.Sin(azimuth), 0);
            return ReferenceAxes
                * RotationMatrix.AboutZ(AboutNormalDegrees * Math.PI / 180)
                * RotationMatrix.AboutAxis(tipAxis, OffNormalDegrees * Math.PI / 180);
        }
    }

    /// <summary>Any angle about the normal, 0–20° off it in any direction.</summary>
    public static SensorMounting Draw(Random random) => new(
        random.Uniform(0, 360),
        random.Uniform(0, MaxDrawnOffNormalDegrees),
        random.Uniform(0, 360));
}
