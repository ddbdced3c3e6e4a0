using System.Globalization;
using PostureStream.Analysis;
using PostureStream.Presentation.Styling;
using PostureStream.Storage.Trends;

namespace PostureStream.Presentation.Charts;

/// <summary>
/// The before/after panel's chart: one metric's daily values (dots) from the baseline to the last day, the baseline
/// mean as a line across the days before the start, each programme week's mean as a line across its week, the
/// programme as a band and its sessions as ticks.
/// </summary>
public static class EffectTrendChart
{
    public static string Render(
        IReadOnlyList<(DateOnly Date, double Value)> series, EffectEstimate effect, ProgrammeSpan programme, IReadOnlyList<DateTime> sessionsUtc, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(effect);
        var metric = DailyMetrics.Describe(effect.Metric);
        var first = effect.Start.AddDays(-Math.Max(effect.DaysBefore, 7));
        var shown = series.Where(p => p.Date >= first).ToList();
        var last = shown.Count > 0 ? shown[^1].Date : effect.Start;
        var fromUtc = TrendCalendar.DayStartUtc(shown.Count > 0 ? shown[0].Date : first, zone);
        var toUtc = TrendCalendar.DayStartUtc(last.AddDays(1), zone);
        var svg = ChartFrame.Open(
            "effect", $"{metric.Name} per day before and since the programme started",
            ("metric", effect.Metric.ToString()), ("days", shown.Count), ("start", effect.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        var time = new TimeAxis(fromUtc, toUtc, zone, ChartFrame.Left, ChartFrame.PlotWidth);
        ChartFrame.Legend(svg, (Palette.PelvicTilt, metric.Name + " per day"), (Palette.Baseline, "baseline and weekly means"), (Palette.Session, "sessions"));
        if (shown.Count == 0)
        {
            ChartFrame.TimeGrid(svg, time);
            ChartFrame.NoData(svg);
            return ChartFrame.Close(svg);
        }

        var values = new ValueAxis(shown.Min(p => p.Value), shown.Max(p => p.Value), ChartFrame.Top, ChartFrame.PlotHeight);
        ChartFrame.ValueGrid(svg, values, v => v.ToString("0.#", CultureInfo.InvariantCulture) + metric.Unit);
        ChartFrame.TimeGrid(svg, time);
        new ChartAnnotations([programme], sessionsUtc).Draw(svg, time);

        double DayX(DateOnly date) => time.X(TrendCalendar.DayStartUtc(date, zone));
        if (double.IsFinite(effect.BeforeMean))
        {
            double y = values.Y(effect.BeforeMean);
            svg.Open("line", ("class", "baseline-mean"), ("data-mean", effect.BeforeMean), ("x1", DayX(shown[0].Date)), ("x2", DayX(effect.Start)), ("y1", y), ("y2", y),
                    ("stroke", Palette.Baseline), ("stroke-width", 2))
                .TextElement("title", string.Create(CultureInfo.InvariantCulture, $"baseline mean {effect.BeforeMean:0.0}{metric.Unit} over {effect.DaysBefore} days"))
                .Close("line");
        }

        foreach (var week in effect.Weeks)
        {
            double y = values.Y(week.Mean);
            svg.Open("line", ("class", "week-mean"), ("data-week", week.Week), ("data-mean", week.Mean), ("x1", DayX(week.Start)), ("x2", DayX(week.Start.AddDays(7) > last ? last.AddDays(1) : week.Start.AddDays(7))),
                    ("y1", y), ("y2", y), ("stroke", Palette.Baseline), ("stroke-width", 2), ("stroke-dasharray", "6 3"))
                .TextElement("title", string.Create(CultureInfo.InvariantCulture, $"programme week {week.Week}: mean {week.Mean:0.0}{metric.Unit} over {week.Days} days"))
                .Close("line");
        }

        svg.Open("g", ("class", "points"), ("fill", Palette.PelvicTilt));
        foreach (var (date, value) in shown)
        {
            svg.Open("circle", ("class", "point"), ("cx", DayX(date) + (ChartFrame.PlotWidth / Math.Max(1, (toUtc - fromUtc).TotalDays) / 2)), ("cy", values.Y(value)), ("r", 2.5),
                    ("data-day", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("data-value", value))
                .TextElement("title", string.Create(CultureInfo.InvariantCulture, $"{date:ddd d MMM}: {value:0.0}{metric.Unit}"))
                .Close("circle");
        }

        svg.Close("g");
        return ChartFrame.Close(svg);
    }
}
