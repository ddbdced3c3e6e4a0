using PostureStream.Storage.Trends;

namespace PostureStream.Presentation.Reports;

/// <summary>
/// Groups query results into the calendar days of the request's zone (<see cref="TrendCalendar"/>: 23 or 25 hours when the clocks change). Every day of the range gets a
/// row, with zeros (or no means) when there was no data. Alerts are counted by their
/// <c>raised</c> event, one per episode.
/// </summary>
internal static class ReportModelBuilder
{
    public static ReportModel Build(
        ReportRequest request,
        IReadOnlyList<AngleBucket> angles,
        IReadOnlyList<TimeInStateBucket> states,
        IReadOnlyList<AlertRow> alerts,
        IReadOnlyList<BendRow> bends,
        IReadOnlyList<DeviceInfo> devices,
        IReadOnlyList<StatusRow> statuses)
    {
        var anglesByDay = angles.GroupBy(a => LocalDate(a.StartUtc, request.Zone)).ToDictionary(g => g.Key, g => g.ToList());
        var statesByDay = states.GroupBy(s => LocalDate(s.StartUtc, request.Zone)).ToDictionary(g => g.Key, g => g.ToList());
        var raised = alerts.Where(a => string.Equals(a.Phase, VocabularyText.ToText(AlertPhase.Raised), StringComparison.Ordinal))
            .GroupBy(a => LocalDate(a.TimeUtc, request.Zone)).ToDictionary(g => g.Key, g => g.ToList());
        var bendsByDay = bends.GroupBy(b => LocalDate(b.TimeUtc, request.Zone)).ToDictionary(g => g.Key, g => g.ToList());

        var days = new List<ReportDay>();
        foreach (var date in TrendCalendar.DaysOf(request.FromUtc, request.ToUtc, request.Zone))
        {
            var dayStates = statesByDay.GetValueOrDefault(date) ?? [];
            var dayAngles = anglesByDay.GetValueOrDefault(date) ?? [];
            var dayAlerts = raised.GetValueOrDefault(date) ?? [];
            var dayBends = bendsByDay.GetValueOrDefault(date) ?? [];
            days.Add(new ReportDay(
                date,
                dayStates.Sum(s => s.SecondsNeutral),
                dayStates.Sum(s => s.SecondsFlattened),
                dayStates.Sum(s => s.SecondsHyperextended),
                WeightedMean(dayAngles, a => a.MeanPelvicTilt),
                WeightedMean(dayAngles, a => a.MeanLordosisDelta),
                dayAlerts.Count(a => string.Equals(a.Kind, VocabularyText.ToText(AlertKind.Flattening), StringComparison.Ordinal)),
                dayAlerts.Count(a => string.Equals(a.Kind, VocabularyText.ToText(AlertKind.Hyperextension), StringComparison.Ordinal)),
                dayBends.Count,
                dayBends.Count(b => b.LumbarDominant),
                dayBends.Count == 0 ? null : dayBends.Average(b => b.LumbarShare)));
        }

        return new ReportModel(
            request,
            days,
            Trend(days, d => d.MeanPelvicTilt),
            Trend(days, d => d.MeanLordosisDelta),
            bends.Count,
            bends.Count(b => b.LumbarDominant),
            bends.Count == 0 ? null : bends.Average(b => b.LumbarShare),
            devices,
            statuses);
    }

    private static DateOnly LocalDate(DateTime utc, TimeZoneInfo zone) => TrendCalendar.LocalDate(utc, zone);

    // Several buckets on one day (one per device, or a DST day split oddly) are combined by sample count.
    private static double? WeightedMean(List<AngleBucket> buckets, Func<AngleBucket, double> value)
    {
        var valid = buckets.Where(b => b.Samples > 0 && double.IsFinite(value(b))).ToList();
        long samples = valid.Sum(b => b.Samples);
        return samples == 0 ? null : valid.Sum(b => value(b) * b.Samples) / samples;
    }

    private static LinearTrend? Trend(List<ReportDay> days, Func<ReportDay, double?> value)
    {
        var points = new List<(double X, double Y)>();
        for (int i = 0; i < days.Count; i++)
        {
            if (value(days[i]) is double y)
            {
                points.Add((i, y));
            }
        }

        return LinearTrend.Fit(points);
    }
}
