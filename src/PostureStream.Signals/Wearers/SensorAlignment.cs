namespace PostureStream.Signals.Wearers;

/// <summary>
/// How one sensor sits on the body, as the functional calibration found it: its up direction while the wearer
/// stood in neutral and its mediolateral axis (the axis of a forward bend, pointing to the wearer's left), both in
/// the sensor's own frame. Together they give the body frame of the segment at neutral — X anterior, Y left,
/// Z up — whatever way round the sensor was stuck on.
/// <list type="bullet">
/// <item>sagittal angle (pitch) = rotation about the mediolateral axis from neutral, + = top of the segment forward;</item>
/// <item>frontal angle (roll) = rotation about the antero-posterior axis, + = top to the wearer's right.</item>
/// </list>
/// With the up direction u in that frame: pitch = atan2(−uₓ, u_z) — the whole circle, so lying on the back (a
/// pelvis turned 105° from standing) reads right — and roll = asin(u_y). Both are 0 at neutral, so the angles are
/// relative to the calibrated standing posture (the chain's own neutral then sits near 0).
/// </summary>
public sealed record SensorAlignment
{
    private readonly Vector3D _anterior;
    private readonly Vector3D _left;
    private readonly Vector3D _up;

    public SensorAlignment(Vector3D neutralUp, Vector3D mediolateral)
    {
        _up = neutralUp.Normalized();
        Vector3D left = mediolateral - (_up * Vector3D.Dot(mediolateral, _up));
        if (_up.IsNaN || !(left.Length > 1e-6))
        {
            throw new ArgumentException("the mediolateral axis must be a direction not parallel to the neutral up direction", nameof(mediolateral));
        }

        _left = left.Normalized();
        _anterior = Vector3D.Cross(_left, _up);
        NeutralUp = _up;
        Mediolateral = _left;
    }

    /// <summary>The sensor's up direction (against gravity) at the standing neutral, unit, sensor frame.</summary>
    public Vector3D NeutralUp { get; }

    /// <summary>The wearer's left, unit, sensor frame, perpendicular to <see cref="NeutralUp"/>.</summary>
    public Vector3D Mediolateral { get; }

    /// <summary>
    /// The alignment of a sensor stuck on as the README's "where to stick it" says — its X axis up the spine, its Y
    /// axis to the wearer's left (Z out of the skin) — used until a functional calibration is taken. Its angles are
    /// then the sensor's inclinations from vertical, as a PSP device reports them.
    /// </summary>
    public static SensorAlignment Reference { get; } = new(Vector3D.UnitX, Vector3D.UnitY);

    /// <summary>Sagittal and frontal angles, degrees, of a sensor whose up direction is <paramref name="up"/> (NaN in, NaN out).</summary>
    public (double PitchDegrees, double RollDegrees) Angles(Vector3D up)
    {
        Vector3D u = up.Normalized();
        double x = Vector3D.Dot(u, _anterior), y = Vector3D.Dot(u, _left), z = Vector3D.Dot(u, _up);
        double pitch = Math.Atan2(-x, z) * 180 / Math.PI;
        double roll = Math.Asin(Math.Clamp(y, -1, 1)) * 180 / Math.PI;
        return (pitch, roll);
    }
}
