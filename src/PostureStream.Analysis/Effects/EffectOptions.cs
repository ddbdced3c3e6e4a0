namespace PostureStream.Analysis;

/// <summary>How programme effects are estimated (Analysis README, effects). Validate before use.</summary>
public sealed class EffectOptions
{
    /// <summary>Days with data needed before the programme start. Default 7.</summary>
    public int MinimumDaysBefore { get; set; } = 7;

    /// <summary>Days with data needed since the start. Default 7.</summary>
    public int MinimumDaysAfter { get; set; } = 7;

    /// <summary>The baseline is at most this many days before the start. Default 28.</summary>
    public int BaselineDays { get; set; } = 28;

    /// <summary>
    /// Lags of day-to-day autocorrelation the interval allows for; null (the default) = Newey and West's rule on the
    /// days of both periods (3 for 14 + 14 days). 0 treats days as independent.
    /// </summary>
    public int? Bandwidth { get; set; }

    public EffectOptions Validate()
    {
        if (MinimumDaysBefore < 4 || MinimumDaysAfter < 4)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumDaysBefore), "MinimumDaysBefore and MinimumDaysAfter must be at least 4");
        }

        if (BaselineDays < MinimumDaysBefore)
        {
            throw new ArgumentOutOfRangeException(nameof(BaselineDays), "BaselineDays must be at least MinimumDaysBefore");
        }

        if (Bandwidth is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Bandwidth), "Bandwidth must be 0 (independent days) or more lags");
        }

        return this;
    }
}
