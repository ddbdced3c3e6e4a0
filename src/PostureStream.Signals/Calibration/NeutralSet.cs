namespace PostureStream.Signals;

/// <summary>
/// The neutrals the angles of a frame are computed against. <see cref="SittingAngles"/> is the sitting neutral
/// that was taken or, until one is, the standing neutral shifted by the configured defaults (pelvis −15°,
/// lordosis −12°).
/// </summary>
public sealed class NeutralSet
{
    /// <param name="standing">The standing neutral.</param>
    /// <param name="sitting">A sitting neutral that was taken, or null for the default shift.</param>
    /// <param name="stale">Why the neutrals are stale, if they are.</param>
    /// <param name="options">The default shifts (null = the defaults, −15° and −12°).</param>
    public NeutralSet(Neutral standing, Neutral? sitting, StaleReason stale, CalibrationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(standing);
        options ??= new CalibrationOptions();
        Standing = standing;
        Sitting = sitting;
        Stale = stale;
        SensorAngles s = standing.Angles;
        SittingAngles = sitting?.Angles ?? s with
        {
            PelvisPitchDegrees = s.PelvisPitchDegrees + options.SittingPelvisShiftDegrees,
            LumbarPitchDegrees = s.LumbarPitchDegrees + options.SittingPelvisShiftDegrees - options.SittingLordosisShiftDegrees,
        };
    }

    public Neutral Standing { get; }

    /// <summary>The sitting neutral that was taken; null while the default shift stands in for it.</summary>
    public Neutral? Sitting { get; }

    /// <summary>The sitting neutral in use: taken, or derived from the standing one.</summary>
    public SensorAngles SittingAngles { get; }

    public StaleReason Stale { get; }

    public bool IsStale => Stale != StaleReason.None;

    public double StandingLordosisDegrees => Standing.Angles.LordosisDegrees;

    public double SittingLordosisDegrees => SittingAngles.LordosisDegrees;
}
