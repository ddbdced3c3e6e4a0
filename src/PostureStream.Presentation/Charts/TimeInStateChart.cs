using System.Globalization;
using PostureStream.Storage.Trends;

namespace PostureStream.Presentation.Charts;

/// <summary>Stacked bars per hour or day: how long was spent in each state (or activity).</summary>
public static class TimeInStateChart
{
    public static string Render(IReadOnlyList<TimeInStateBucket> buckets, IReadOnlyList<StackSeries> series, string by, TrendGrain grain, TrendQuery query, ChartAnnotations? annotations = null)
    {
        var unit = grain == TrendGrain.Hour ? (Seconds: 60.0, Name: "min") : (Seconds: 3600.0, Name: "h");
        var totals = series.Select(s => buckets.Sum(s.Seconds)).ToArray();
        var svg = ChartFrame.Open(
            "time-in-" + by,
            $"Time in each {by} per {grain.ToString().ToLowerInvariant()}",
            ("by", by),
            ("grain", grain.ToString().ToLowerInvariant()),
            ("buckets", buckets.Count),
            ("from", query.FromUtc),
            ("to", query.ToUtc),
            ("device", query.DeviceId ?? "all"));
        ChartFrame.Legend(svg, [.. series.Select((s, i) => (s.Colour, string.Create(CultureInfo.InvariantCulture, $"{s.Key} {totals[i] / 3600:0.#} h")))]);
        var time = new TimeAxis(query.FromUtc, query.ToUtc, query.Zone, ChartFrame.Left, ChartFrame.PlotWidth);
        if (buckets.Count == 0)
        {
            ChartFrame.TimeGrid(svg, time);
            (annotations ?? ChartAnnotations.None).Draw(svg, time);
            ChartFrame.NoData(svg);
            return ChartFrame.Close(svg);
        }

        var tallest = buckets.Max(b => series.Sum(s => s.Seconds(b))) / unit.Seconds;
        var values = new ValueAxis(0, Math.Max(tallest, 1), ChartFrame.Top, ChartFrame.PlotHeight);
        ChartFrame.ValueGrid(svg, values, v => v.ToString("0.#", CultureInfo.InvariantCulture) + " " + unit.Name);
        ChartFrame.TimeGrid(svg, time);
        (annotations ?? ChartAnnotations.None).Draw(svg, time);

        foreach (var (s, i) in series.Select((s, i) => (s, i)))
        {
            svg.Open("g", ("class", "series"), ("data-series", s.Key), ("data-total-seconds", totals[i]), ("fill", s.Colour));
            foreach (var b in buckets)
            {
                var below = series.Take(i).Sum(lower => lower.Seconds(b)) / unit.Seconds;
                var height = s.Seconds(b) / unit.Seconds;
                var x0 = time.X(b.StartUtc);
                var x1 = time.X(TrendCalendar.NextBucketStartUtc(b.StartUtc, query.Zone, grain));
                var width = Math.Max(0.5, (x1 - x0) * 0.85);
                svg.Open("rect", ("x", x0 + ((x1 - x0 - width) / 2)), ("y", values.Y(below + height)), ("width", width),
                    ("height", values.Y(below) - values.Y(below + height)), ("data-start", b.StartUtc), ("data-seconds", s.Seconds(b)));
                svg.TextElement("title", string.Create(CultureInfo.InvariantCulture, $"{time.Describe(b.StartUtc, grain == TrendGrain.Hour ? "ddd d MMM HH:mm" : "ddd d MMM")}: {s.Key} {height:0.#} {unit.Name}"))
                    .Close("rect");
            }

            svg.Close("g");
        }

        return ChartFrame.Close(svg);
    }
}
