namespace PostureStream.Signals;

/// <summary>Options of calibration: the quiet window, the automatic standing neutral after walking, the sitting defaults and staleness.</summary>
public sealed class CalibrationOptions
{
    /// <summary>How long the wearer must hold still for a neutral. Default 5 s.</summary>
    public TimeSpan QuietWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Quiet means the standard deviation of both sensors' pitch over the window is below this. Default 1°.</summary>
    public double QuietMaxStdDevDegrees { get; set; } = 1.0;

    /// <summary>The window keeps one low-passed sample per this much device time (small state at any rate). Default 100 ms.</summary>
    public TimeSpan QuietSampleInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// A window is judged only when it holds at least this share of its nominal points (51 for 5 s at 100 ms), so a
    /// lossy link still calibrates from the samples that arrived, but a window that is mostly holes does not. Default 0.8.
    /// </summary>
    public double QuietMinCoverage { get; set; } = 0.8;

    /// <summary>
    /// A gap in the data up to this long (a few lost frames) is bridged: the window keeps its points and counts the
    /// gap; nothing is filled in. A longer gap starts the window again. Default 0.5 s.
    /// </summary>
    public TimeSpan QuietMaxBridgedGap { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Walking that arms the automatic standing calibration must last at least this long. Default 5 s.</summary>
    public TimeSpan MinWalkingForAuto { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The automatic standing neutral comes only from a quiet window that starts within this long after the walk
    /// ends: walking is the only sign that the wearer is upright before any neutral exists. Default 5 s.
    /// </summary>
    public TimeSpan AutoQuietWithin { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The automatic standing neutral's pelvis pitch must lie within this of the mean pelvis pitch during the walk
    /// before it, so sitting down straight after a walk (15–20° back) is never taken as standing. Default 6°.
    /// </summary>
    public double AutoMaxPelvisChangeDegrees { get; set; } = 6;

    /// <summary>Also calibrate automatically after walking when the stored neutral is stale (not only when there is none). Default true.</summary>
    public bool AutoCalibrateWhenStale { get; set; } = true;

    /// <summary>Default sitting neutral: standing pelvis pitch shifted by this. Default −15°.</summary>
    public double SittingPelvisShiftDegrees { get; set; } = -15;

    /// <summary>Default sitting neutral: standing lordosis shifted by this. Default −12°.</summary>
    public double SittingLordosisShiftDegrees { get; set; } = -12;

    /// <summary>A gap longer than this marks the neutral stale. Default 10 min.</summary>
    public TimeSpan StaleAfterGap { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Throws when an option is out of range, naming it and what would be valid.</summary>
    public CalibrationOptions Validate()
    {
        if (QuietWindow < TimeSpan.FromSeconds(1) || QuietWindow > TimeSpan.FromMinutes(1))
        {
            throw new ArgumentOutOfRangeException(nameof(QuietWindow), QuietWindow, "must be 1 s – 1 min");
        }

        if (QuietSampleInterval <= TimeSpan.Zero || QuietSampleInterval * 2 > QuietWindow || QuietWindow / QuietSampleInterval > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(QuietSampleInterval), QuietSampleInterval, "must be above 0, at most half the quiet window, and give at most 1000 points in it");
        }

        if (!(QuietMaxStdDevDegrees > 0) || double.IsInfinity(QuietMaxStdDevDegrees))
        {
            throw new ArgumentOutOfRangeException(nameof(QuietMaxStdDevDegrees), QuietMaxStdDevDegrees, "must be a finite angle above 0°");
        }

        if (!(QuietMinCoverage > 0) || QuietMinCoverage > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(QuietMinCoverage), QuietMinCoverage, "must be above 0 and at most 1");
        }

        if (QuietMaxBridgedGap < TimeSpan.Zero || QuietMaxBridgedGap * 2 > QuietWindow)
        {
            throw new ArgumentOutOfRangeException(nameof(QuietMaxBridgedGap), QuietMaxBridgedGap, "must be 0 or more and at most half the quiet window");
        }

        if (AutoQuietWithin < TimeSpan.Zero || AutoQuietWithin > TimeSpan.FromMinutes(5))
        {
            throw new ArgumentOutOfRangeException(nameof(AutoQuietWithin), AutoQuietWithin, "must be 0 – 5 min");
        }

        if (!(AutoMaxPelvisChangeDegrees > 0) || AutoMaxPelvisChangeDegrees > 90)
        {
            throw new ArgumentOutOfRangeException(nameof(AutoMaxPelvisChangeDegrees), AutoMaxPelvisChangeDegrees, "must be above 0° and at most 90°");
        }

        if (MinWalkingForAuto < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MinWalkingForAuto), MinWalkingForAuto, "must not be negative");
        }

        if (!double.IsFinite(SittingPelvisShiftDegrees) || Math.Abs(SittingPelvisShiftDegrees) > 90)
        {
            throw new ArgumentOutOfRangeException(nameof(SittingPelvisShiftDegrees), SittingPelvisShiftDegrees, "must be within ±90°");
        }

        if (!double.IsFinite(SittingLordosisShiftDegrees) || Math.Abs(SittingLordosisShiftDegrees) > 90)
        {
            throw new ArgumentOutOfRangeException(nameof(SittingLordosisShiftDegrees), SittingLordosisShiftDegrees, "must be within ±90°");
        }

        if (StaleAfterGap <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(StaleAfterGap), StaleAfterGap, "must be longer than zero");
        }

        return this;
    }
}
