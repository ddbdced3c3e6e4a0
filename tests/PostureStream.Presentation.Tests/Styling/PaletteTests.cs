using System.Text.RegularExpressions;
using System.Xml.Linq;
using PostureStream.Presentation.Charts;
using PostureStream.Presentation.Reports;
using PostureStream.Presentation.Styling;
using PostureStream.Presentation.Tests.Reports;
using PostureStream.Storage.Trends;

namespace PostureStream.Presentation.Tests.Styling;

/// <summary>One colour per meaning, and the same colour for it in the dashboard's charts, the page's CSS and the report.</summary>
public sealed partial class PaletteTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly DateTime Day1 = new(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly TrendQuery TenDays = new(Day1, Day1.AddDays(10), null, TimeZoneInfo.Utc);

    [Fact]
    public void NoColour_MeansTwoThings_ExceptAnAlertKindAndTheStateItIsAbout()
    {
        var meanings = PaletteCss.Properties.Where(p => !p.Name.StartsWith("--alert-", StringComparison.Ordinal)).ToList();

        var shared = meanings.GroupBy(p => p.Colour, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" = ", g.Select(p => p.Name)));
        Assert.Empty(shared);
        Assert.Equal(Palette.Of(PostureState.Flattened), Palette.Of(AlertKind.Flattening));
        Assert.Equal(Palette.Of(PostureState.Hyperextended), Palette.Of(AlertKind.Hyperextension));
    }

    [Fact]
    public void CssProperties_NameEveryStateActivityAndAlertKind_AsTheStoresSpellThem()
    {
        var css = PaletteCss.RootRule;

        Assert.All(Enum.GetValues<PostureState>(), s => Assert.Contains($"--state-{VocabularyText.ToText(s)}: {Palette.Of(s)};", css, StringComparison.Ordinal));
        Assert.All(Enum.GetValues<Activity>(), a => Assert.Contains($"--activity-{VocabularyText.ToText(a)}: {Palette.Of(a)};", css, StringComparison.Ordinal));
        Assert.All(Enum.GetValues<AlertKind>(), k => Assert.Contains($"--alert-{VocabularyText.ToText(k)}: {Palette.Of(k)};", css, StringComparison.Ordinal));
        Assert.Contains("--state-sensor_fault: ", css, StringComparison.Ordinal);
    }

    [Fact]
    public void DashboardCharts_DrawEachStateActivityAndAlertKindInItsPaletteColour()
    {
        var states = XDocument.Parse(TimeInStateChart.Render([new TimeInStateBucket(Day1, 60, 60, 60, 60, 0, 0, 0, 0, 0)], StackSeries.States, "state", TrendGrain.Day, TenDays));
        var activities = XDocument.Parse(TimeInStateChart.Render([new TimeInStateBucket(Day1, 0, 0, 0, 0, 60, 60, 60, 60, 60)], StackSeries.Activities, "activity", TrendGrain.Day, TenDays));
        var alerts = XDocument.Parse(AlertTimelineChart.Render(
            [.. Enum.GetValues<AlertKind>().Select(k => new AlertRow(Day1.AddHours(3), "00000000000000a1", "desk", VocabularyText.ToText(k), "raised", Day1, 60, -11, "sitting", true))], TenDays));

        Assert.All(Enum.GetValues<PostureState>().Where(s => s != PostureState.SensorFault), s => Assert.Equal(Palette.Of(s), SeriesFill(states, VocabularyText.ToText(s))));
        Assert.All(Enum.GetValues<Activity>().Where(a => a != Activity.Unknown), a => Assert.Equal(Palette.Of(a), SeriesFill(activities, VocabularyText.ToText(a))));
        Assert.All(Enum.GetValues<AlertKind>(), k => Assert.Equal(
            Palette.Of(k),
            (string?)alerts.Descendants(Svg + "circle").Single(c => (string?)c.Attribute("data-kind") == VocabularyText.ToText(k)).Attribute("fill")));
    }

    [Fact]
    public async Task Report_DrawsStatesAndAlertKindsInTheDashboardsColours()
    {
        string html = await TrendReport.BuildAsync(await SeededWeek.QueriesAsync(), SeededWeek.Request, null, CancellationToken.None);

        string dashboardFlattened = SeriesFill(XDocument.Parse(TimeInStateChart.Render(
            [new TimeInStateBucket(Day1, 60, 60, 60, 0, 0, 0, 0, 0, 0)], StackSeries.States, "state", TrendGrain.Day, TenDays)), "flattened");
        Assert.Equal([dashboardFlattened], RectFills(Section(html, "time-in-state"), "flattened"));
        Assert.Equal([Palette.Of(PostureState.Neutral)], RectFills(Section(html, "time-in-state"), "neutral"));
        Assert.Equal([Palette.Of(PostureState.Hyperextended)], RectFills(Section(html, "time-in-state"), "hyperextended"));
        Assert.Equal([Palette.Of(AlertKind.Flattening)], RectFills(Section(html, "alerts"), "flattened"));
        Assert.Equal([Palette.Of(AlertKind.Hyperextension)], RectFills(Section(html, "alerts"), "hyperextended"));
        Assert.Contains(PaletteCss.RootRule, html, StringComparison.Ordinal);
        Assert.Contains($"stroke=\"{Palette.PelvicTilt}\"", Section(html, "angles"), StringComparison.Ordinal);
        Assert.Contains($"stroke=\"{Palette.LordosisDelta}\"", Section(html, "angles"), StringComparison.Ordinal);
    }

    private static string SeriesFill(XDocument svg, string series) =>
        (string)svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("data-series") == series).Attribute("fill")!;

    private static string Section(string html, string id)
    {
        int start = html.IndexOf($"<section id=\"{id}\">", StringComparison.Ordinal);
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    private static List<string> RectFills(string html, string cssClass) =>
        [.. RectFill().Matches(html).Where(m => m.Groups["class"].Value == cssClass).Select(m => m.Groups["fill"].Value).Distinct()];

    [GeneratedRegex("<rect class=\"(?<class>[^\"]+)\"[^>]* fill=\"(?<fill>#[0-9a-f]{6})\"")]
    private static partial Regex RectFill();
}
