namespace PostureStream.Analysis;

/// <summary>What a metric is called, its unit, and whether a real change in it survives the daily recalibration.</summary>
/// <param name="SurvivesRecalibration">
/// True when a lasting change in the wearer's posture still shows in the metric after sensors are re-attached and the
/// neutrals re-taken; false when the new neutral absorbs it (only those with true are used for effects).
/// </param>
public sealed record MetricDescription(DailyMetric Metric, string Name, string Unit, bool SurvivesRecalibration, string Why);

/// <summary>The catalogue of daily metrics and how each is read from a <see cref="DayMetrics"/>.</summary>
public static class DailyMetrics
{
    public static IReadOnlyList<MetricDescription> All { get; } =
    [
        new(DailyMetric.StandingPelvicInclination, "standing pelvic tilt", "°", true,
            "the neutral itself: each calibration records the habitual standing inclination (plus that day's placement error)"),
        new(DailyMetric.SittingFlattenedShare, "time flattened while sitting", "%", true,
            "a share of time past a threshold around the wearer's own posture, not a level that the neutral resets"),
        new(DailyMetric.StandingFlattenedShare, "time flattened while standing", "%", true,
            "a share of time past a threshold around the wearer's own posture, not a level that the neutral resets"),
        new(DailyMetric.SittingHyperextendedShare, "time hyper-extended while sitting", "%", true,
            "a share of time past a threshold around the wearer's own posture, not a level that the neutral resets"),
        new(DailyMetric.StandingHyperextendedShare, "time hyper-extended while standing", "%", true,
            "a share of time past a threshold around the wearer's own posture, not a level that the neutral resets"),
        new(DailyMetric.SittingMinusStandingLordosis, "sitting-vs-standing lordosis difference", "°", true,
            "a difference of two postures measured against the same day's neutrals: placement error and the neutral cancel"),
        new(DailyMetric.LumbarDominantBendShare, "lumbar-dominant bends", "%", true,
            "a ratio of lumbar to pelvic motion within each bend, independent of any neutral"),
        new(DailyMetric.StandingPelvicTilt, "mean standing pelvic tilt", "°", false,
            "measured against the standing neutral re-taken every day, so a lasting change moves the neutral with it"),
        new(DailyMetric.SittingPelvicTilt, "mean sitting pelvic tilt", "°", false,
            "measured against the standing neutral, so a change of standing posture shifts it without any change in sitting"),
        new(DailyMetric.StandingLordosisDelta, "mean standing lordosis delta", "°", false,
            "measured against the standing neutral re-taken every day, so a lasting change moves the neutral with it"),
        new(DailyMetric.SittingLordosisDelta, "mean sitting lordosis delta", "°", false,
            "measured against a sitting neutral derived from (or re-taken like) the standing one"),
    ];

    public static MetricDescription Describe(DailyMetric metric) => All.First(m => m.Metric == metric);

    /// <summary>The metric's value on <paramref name="day"/>, or null when the day has no data for it.</summary>
    public static double? Value(DayMetrics day, DailyMetric metric, int minimumContextMinutes = 30) => metric switch
    {
        DailyMetric.StandingPelvicInclination => day.StandingNeutralPelvisPitchDegrees,
        DailyMetric.SittingFlattenedShare => Percent(day.Sitting, minimumContextMinutes, c => c.FlattenedShare),
        DailyMetric.StandingFlattenedShare => Percent(day.Standing, minimumContextMinutes, c => c.FlattenedShare),
        DailyMetric.SittingHyperextendedShare => Percent(day.Sitting, minimumContextMinutes, c => c.HyperextendedShare),
        DailyMetric.StandingHyperextendedShare => Percent(day.Standing, minimumContextMinutes, c => c.HyperextendedShare),
        DailyMetric.SittingMinusStandingLordosis => day.Sitting.Minutes >= minimumContextMinutes && day.Standing.Minutes >= minimumContextMinutes
            ? day.SittingMinusStandingLordosisDegrees : null,
        DailyMetric.LumbarDominantBendShare => day.LumbarDominantShare * 100,
        DailyMetric.StandingPelvicTilt => day.Standing.Minutes >= minimumContextMinutes ? day.Standing.MeanPelvicTiltDegrees : null,
        DailyMetric.SittingPelvicTilt => day.Sitting.Minutes >= minimumContextMinutes ? day.Sitting.MeanPelvicTiltDegrees : null,
        DailyMetric.StandingLordosisDelta => day.Standing.Minutes >= minimumContextMinutes ? day.Standing.MeanLordosisDeltaDegrees : null,
        DailyMetric.SittingLordosisDelta => day.Sitting.Minutes >= minimumContextMinutes ? day.Sitting.MeanLordosisDeltaDegrees : null,
    };

    /// <summary>The days that have a value for the metric, as (date, value) in date order.</summary>
    public static IReadOnlyList<(DateOnly Date, double Value)> Series(IEnumerable<DayMetrics> days, DailyMetric metric) =>
        [.. days.Select(d => (d.Date, Value: Value(d, metric))).Where(p => p.Value is not null).Select(p => (p.Date, p.Value!.Value)).OrderBy(p => p.Date)];

    private static double? Percent(ContextTotals context, int minimumMinutes, Func<ContextTotals, double> share) =>
        context.Minutes >= minimumMinutes ? share(context) * 100 : null;
}
