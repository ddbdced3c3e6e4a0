namespace PostureStream.Analysis;

/// <summary>What the before/after comparison of one metric concluded.</summary>
public enum EffectVerdict
{
    /// <summary>Fewer days before or since the start than the options need.</summary>
    NotEnoughDays,

    /// <summary>The interval includes zero.</summary>
    NoDistinguishableChange,

    /// <summary>The interval excludes zero.</summary>
    Change,
}

/// <summary>
/// The change of one daily metric since a programme started: the difference of means (after − before) with its 95 %
/// interval, the days on each side, and the trend of weekly means over the programme's weeks.
/// </summary>
public sealed record EffectEstimate(
    DailyMetric Metric,
    DateOnly Start,
    int DaysBefore,
    int DaysAfter,
    double BeforeMean,
    double AfterMean,
    double Difference,
    double Lower,
    double Upper,
    EffectVerdict Verdict,
    IReadOnlyList<WeekMean> Weeks,
    double? SlopePerWeek);

/// <summary>The mean of a metric over one programme week (week 1 starts on the programme's first day).</summary>
public sealed record WeekMean(int Week, DateOnly Start, int Days, double Mean);
