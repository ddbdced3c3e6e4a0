namespace PostureStream.Analysis;

/// <summary>The thresholds of the pattern summary (Analysis README, thresholds). Validate before use.</summary>
public sealed class PatternOptions
{
    /// <summary>
    /// A context (sitting or standing) leans one way when at least this share of its time was in that state.
    /// Default 0.20: a fifth of the time, well above the few percent of a wearer with no pattern.
    /// </summary>
    public double MarkedShare { get; set; } = 0.20;

    /// <summary>...and at least this many times the share of the opposite state. Default 2.</summary>
    public double DominanceRatio { get; set; } = 2.0;

    /// <summary>Minutes of a context a day must have to count as a day that shows it. Default 30.</summary>
    public int MinimumContextMinutesPerDay { get; set; } = 30;

    /// <summary>Days with data a summary needs before it names a pattern. Default 3.</summary>
    public int MinimumDays { get; set; } = 3;

    /// <summary>Share of days that must agree with the range's pattern for "strong" support. Default 0.75.</summary>
    public double StrongAgreement { get; set; } = 0.75;

    /// <summary>Share of days that must agree with the range's pattern for "moderate" support. Default 0.5.</summary>
    public double ModerateAgreement { get; set; } = 0.5;

    /// <summary>A share of lumbar-dominant bends at or above this is "mostly from the lower back". Default 0.5.</summary>
    public double LumbarBendShare { get; set; } = 0.5;

    /// <summary>Throws when a threshold is out of range, naming it and what is valid.</summary>
    public PatternOptions Validate()
    {
        Require(MarkedShare is > 0 and < 1, nameof(MarkedShare), "between 0 and 1 exclusive");
        Require(DominanceRatio >= 1, nameof(DominanceRatio), "at least 1");
        Require(MinimumContextMinutesPerDay >= 1, nameof(MinimumContextMinutesPerDay), "at least 1");
        Require(MinimumDays >= 1, nameof(MinimumDays), "at least 1");
        Require(ModerateAgreement is > 0 and <= 1 && StrongAgreement <= 1 && StrongAgreement >= ModerateAgreement,
            nameof(StrongAgreement), "0 < ModerateAgreement ≤ StrongAgreement ≤ 1");
        Require(LumbarBendShare is > 0 and < 1, nameof(LumbarBendShare), "between 0 and 1 exclusive");
        return this;
    }

    private static void Require(bool ok, string name, string valid)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, $"{name} must be {valid}");
        }
    }
}
