namespace PostureStream.Simulation.Weeks;

/// <summary>
/// A multi-week wearer: type, habitual posture per context against the calibrated neutrals, daily re-attachment error,
/// and an optional programme whose effect on the habitual standing pelvic inclination ramps in.
/// </summary>
public sealed record WeeksProfile
{
    public WearerType Type { get; init; } = WearerType.TightHamstring;

    /// <summary>First simulated day (local midnight = UTC midnight; the simulated zone is UTC).</summary>
    public DateOnly FirstDay { get; init; } = new(2026, 3, 1);

    /// <summary>Number of days. Default 42 (six weeks).</summary>
    public int Days { get; init; } = 42;

    /// <summary>Habitual standing pelvic inclination before any programme, degrees (varies 0–23° between people).</summary>
    public double StandingInclinationDegrees { get; init; } = 12;

    /// <summary>Day-to-day variation of the habitual standing inclination: SD, degrees, and its lag-1 autocorrelation.</summary>
    public double DailyVariationDegrees { get; init; } = 0.7;

    public double DailyAutocorrelation { get; init; } = 0.4;

    /// <summary>SD of each sensor's placement error at the daily re-attachment, degrees. Default 1.5.</summary>
    public double PlacementErrorDegrees { get; init; } = 1.5;

    /// <summary>Programme start as a day index, or null for no programme.</summary>
    public int? ProgrammeStartDay { get; init; }

    /// <summary>True change of the habitual standing pelvic inclination at full effect, degrees (positive = anterior).</summary>
    public double EffectDegrees { get; init; }

    /// <summary>Days over which the effect ramps linearly to full; 0 = a step at the start.</summary>
    public int RampDays { get; init; }

    /// <summary>Share by which the pattern's habitual deviations shrink at full effect (0 = unchanged). Default 0.</summary>
    public double PatternReductionAtFullEffect { get; init; }

    /// <summary>Wearing hours per day (from 08:00). Default 10.</summary>
    public int WearingHours { get; init; } = 10;

    /// <summary>The fraction of full effect reached on <paramref name="day"/>.</summary>
    public double EffectFraction(int day)
    {
        if (ProgrammeStartDay is not int start || day < start)
        {
            return 0;
        }

        return RampDays <= 0 ? 1 : Math.Min(1, (day - start + 1) / (double)RampDays);
    }
}
