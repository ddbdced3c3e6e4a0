using System.Globalization;
using PostureStream.Storage.Trends;

namespace PostureStream.Presentation.Charts;

/// <summary>
/// One angle per bucket: the mean as a line over a shaded min–max band, broken where buckets have
/// no data, with a dot per bucket whose tooltip gives the numbers.
/// </summary>
public static class AngleTrendChart
{
    public static string Render(IReadOnlyList<AngleBucket> buckets, AngleMetric metric, TrendGrain grain, TrendQuery query, ChartAnnotations? annotations = null)
    {
        var svg = ChartFrame.Open(
            "angles",
            $"{metric.Title} per {grain.ToString().ToLowerInvariant()}",
            ("metric", metric.Key),
            ("grain", grain.ToString().ToLowerInvariant()),
            ("buckets", buckets.Count),
            ("from", query.FromUtc),
            ("to", query.ToUtc),
            ("device", query.DeviceId ?? "all"));
        var time = new TimeAxis(query.FromUtc, query.ToUtc, query.Zone, ChartFrame.Left, ChartFrame.PlotWidth);
        ChartFrame.Legend(svg, (metric.Colour, metric.Title));
        if (buckets.Count == 0)
        {
            ChartFrame.TimeGrid(svg, time);
            (annotations ?? ChartAnnotations.None).Draw(svg, time);
            ChartFrame.NoData(svg);
            return ChartFrame.Close(svg);
        }

        var values = new ValueAxis(
            Math.Min(0, buckets.Min(metric.Min)), Math.Max(0, buckets.Max(metric.Max)), ChartFrame.Top, ChartFrame.PlotHeight);
        ChartFrame.ValueGrid(svg, values, v => v.ToString("0.#", CultureInfo.InvariantCulture) + "°", emphasiseZero: true);
        ChartFrame.TimeGrid(svg, time);
        (annotations ?? ChartAnnotations.None).Draw(svg, time);

        double CentreX(AngleBucket b) =>
            time.X(b.StartUtc + ((TrendCalendar.NextBucketStartUtc(b.StartUtc, query.Zone, grain) - b.StartUtc) / 2));

        foreach (var run in Runs(buckets, grain, query.Zone))
        {
            var upper = run.Select(b => (CentreX(b), values.Y(metric.Max(b))));
            var lower = run.AsEnumerable().Reverse().Select(b => (CentreX(b), values.Y(metric.Min(b))));
            svg.Element("polygon", ("class", "band"), ("data-series", metric.Key + "-band"), ("points", SvgWriter.Points(upper.Concat(lower))),
                ("fill", metric.Colour), ("fill-opacity", 0.18), ("stroke", metric.Colour), ("stroke-opacity", 0.3));
            svg.Element("polyline", ("class", "mean"), ("data-series", metric.Key + "-mean"), ("data-points", run.Count),
                ("points", SvgWriter.Points(run.Select(b => (CentreX(b), values.Y(metric.Mean(b)))))),
                ("fill", "none"), ("stroke", metric.Colour), ("stroke-width", 2));
        }

        svg.Open("g", ("class", "points"), ("fill", metric.Colour));
        foreach (var b in buckets)
        {
            var tip = string.Create(
                CultureInfo.InvariantCulture,
                $"{time.Describe(b.StartUtc, grain == TrendGrain.Hour ? "ddd d MMM HH:mm" : "ddd d MMM yyyy")}: mean {metric.Mean(b):0.0}°, min {metric.Min(b):0.0}°, max {metric.Max(b):0.0}° ({b.Samples} samples)");
            svg.Open("circle", ("class", "point"), ("cx", CentreX(b)), ("cy", values.Y(metric.Mean(b))), ("r", 2.5),
                ("data-start", b.StartUtc), ("data-mean", metric.Mean(b)), ("data-min", metric.Min(b)), ("data-max", metric.Max(b)));
            svg.TextElement("title", tip).Close("circle");
        }

        svg.Close("g");
        return ChartFrame.Close(svg);
    }

    /// <summary>Splits the buckets into runs of adjacent ones, so a gap in the data is a gap in the line.</summary>
    private static List<List<AngleBucket>> Runs(IReadOnlyList<AngleBucket> buckets, TrendGrain grain, TimeZoneInfo zone)
    {
        var runs = new List<List<AngleBucket>>();
        foreach (var b in buckets.OrderBy(b => b.StartUtc))
        {
            if (runs.Count == 0 || TrendCalendar.NextBucketStartUtc(runs[^1][^1].StartUtc, zone, grain) != b.StartUtc)
            {
                runs.Add([]);
            }

            runs[^1].Add(b);
        }

        return runs;
    }
}
