using System.Xml.Linq;
using PostureStream.Presentation.Charts;
using PostureStream.Storage.Trends;

namespace PostureStream.Presentation.Tests.Charts;

public sealed class ChartRenderingTests
{
    private static readonly DateTime Day1 = new(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly TrendQuery TenDays = new(Day1, Day1.AddDays(10), null, TimeZoneInfo.Utc);
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static AngleBucket Bucket(int day, double mean) => new(Day1.AddDays(day), mean, mean - 3, mean + 3, -mean, -mean - 2, -mean + 2, 100);

    [Fact]
    public void AngleChart_GapInTheBuckets_BreaksTheLineAndTheBand()
    {
        var svg = XDocument.Parse(AngleTrendChart.Render([Bucket(0, 1), Bucket(1, 2), Bucket(2, 3), Bucket(6, 4), Bucket(7, 5)], AngleMetric.PelvicTilt, TrendGrain.Day, TenDays));

        var lines = svg.Descendants(Svg + "polyline").Where(e => (string?)e.Attribute("class") == "mean").ToList();
        Assert.Equal(["3", "2"], lines.Select(l => (string)l.Attribute("data-points")!));
        Assert.Equal(2, svg.Descendants(Svg + "polygon").Count(e => (string?)e.Attribute("class") == "band"));
        Assert.Equal("5", (string?)svg.Root!.Attribute("data-buckets"));
    }

    [Fact]
    public void AngleChart_MeanPoints_RiseWithTheValue()
    {
        var svg = XDocument.Parse(AngleTrendChart.Render([Bucket(0, -5), Bucket(1, 0), Bucket(2, 5)], AngleMetric.PelvicTilt, TrendGrain.Day, TenDays));

        var ys = svg.Descendants(Svg + "circle").Select(c => double.Parse((string)c.Attribute("cy")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(ys[0] > ys[1] && ys[1] > ys[2], "larger angles must be drawn higher (smaller y)");
    }

    [Fact]
    public void Charts_WithNoData_SayTheRangeIsEmpty()
    {
        Assert.Contains("no data in this range", AngleTrendChart.Render([], AngleMetric.LordosisDelta, TrendGrain.Week, TenDays), StringComparison.Ordinal);
        Assert.Contains("no data in this range", TimeInStateChart.Render([], StackSeries.States, "state", TrendGrain.Day, TenDays), StringComparison.Ordinal);
        Assert.Contains("no data in this range", AlertTimelineChart.Render([], TenDays), StringComparison.Ordinal);
        Assert.Contains("no data in this range", BendChart.Render([], TenDays), StringComparison.Ordinal);
    }

    [Fact]
    public void AlertChart_DeviceNamesWithMarkup_AreEscaped()
    {
        var alert = new AlertRow(Day1.AddHours(10), "00000000000000a1", "<script>alert(1)</script>", "flattening", "raised", Day1, 60, -11, "sitting", true);

        var text = AlertTimelineChart.Render([alert], TenDays);

        Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", text, StringComparison.Ordinal);
        Assert.NotNull(XDocument.Parse(text).Root);
    }

    [Fact]
    public void StateChart_StacksTheLayersWithoutOverlap()
    {
        var bucket = new TimeInStateBucket(Day1, 3600, 1800, 900, 0, 0, 0, 0, 0, 0);
        var svg = XDocument.Parse(TimeInStateChart.Render([bucket], StackSeries.States, "state", TrendGrain.Day, TenDays));

        double Attr(XElement e, string name) => double.Parse((string)e.Attribute(name)!, System.Globalization.CultureInfo.InvariantCulture);
        var rects = svg.Descendants(Svg + "g").Where(g => g.Attribute("data-series") is not null)
            .Select(g => g.Element(Svg + "rect")!).ToList();
        Assert.Equal(4, rects.Count);
        for (var i = 1; i < rects.Count; i++)
        {
            Assert.Equal(Attr(rects[i - 1], "y"), Attr(rects[i], "y") + Attr(rects[i], "height"), 1);
        }
    }

    [Fact]
    public void StateChart_InBerlin_DrawsTheFallBackDayAsA25HourBucketAndTheSpringDayAs23()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        double Ratio(int month, int firstDay)
        {
            DateTime Start(int day) => TrendCalendar.DayStartUtc(new DateOnly(2026, month, firstDay + day), berlin);
            var query = new TrendQuery(Start(0), Start(2), null, berlin);
            var svg = XDocument.Parse(TimeInStateChart.Render(
                [new TimeInStateBucket(Start(0), 3600, 0, 0, 0, 0, 0, 0, 0, 0), new TimeInStateBucket(Start(1), 3600, 0, 0, 0, 0, 0, 0, 0, 0)],
                StackSeries.States, "state", TrendGrain.Day, query));
            var widths = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("data-series") == "neutral").Elements(Svg + "rect")
                .Select(r => double.Parse((string)r.Attribute("width")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            return widths[1] / widths[0];
        }

        Assert.Equal(25.0 / 24, Ratio(10, 24), 2); // Sat 24 Oct, then the long Sunday
        Assert.Equal(23.0 / 24, Ratio(3, 28), 2); // Sat 28 Mar, then the short Sunday
    }
}
