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

    /// <summary>Bootstrap resamples. Default 4000.</summary>
    public int Resamples { get; set; } = 4000;

    /// <summary>The bootstrap's seed: the same data always give the same interval. Default 20260301.</summary>
    public int Seed { get; set; } = 20260301;

    /// <summary>Mean block length in days; null = the cube root of each period's length.</summary>
    public double? MeanBlockLength { get; set; }

    /// <summary>Coverage of the interval. Default 0.95.</summary>
    public double Confidence { get; set; } = 0.95;

    public EffectOptions Validate()
    {
        if (MinimumDaysBefore < 2 || MinimumDaysAfter < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumDaysBefore), "MinimumDaysBefore and MinimumDaysAfter must be at least 2");
        }

        if (BaselineDays < MinimumDaysBefore)
        {
            throw new ArgumentOutOfRangeException(nameof(BaselineDays), "BaselineDays must be at least MinimumDaysBefore");
        }

        if (Resamples < 200)
        {
            throw new ArgumentOutOfRangeException(nameof(Resamples), "Resamples must be at least 200");
        }

        if (MeanBlockLength is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MeanBlockLength), "MeanBlockLength must be at least 1 day");
        }

        if (Confidence is <= 0.5 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Confidence), "Confidence must be between 0.5 and 1 exclusive");
        }

        return this;
    }
}
