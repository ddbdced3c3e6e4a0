namespace PostureStream.Signals;

/// <summary>Options of calibration (DESIGN §5).</summary>
public sealed class CalibrationOptions
{
    /// <summary>How long the wearer must hold still for a neutral. Default 5 s.</summary>
    public TimeSpan QuietWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Quiet means the standard deviation of both sensors' pitch over the window is below this. Default 1°.</summary>
    public double QuietMaxStdDevDegrees { get; set; } = 1.0;

    /// <summary>The window keeps one low-passed sample per this much device time (small state at any rate). Default 100 ms.</summary>
    public TimeSpan QuietSampleInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Walking that arms the automatic standing calibration must last at least this long. Default 5 s.</summary>
    public TimeSpan MinWalkingForAuto { get; set; } = TimeSpan.FromSeconds(5);

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
