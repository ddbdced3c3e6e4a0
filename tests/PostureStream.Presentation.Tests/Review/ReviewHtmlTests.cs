using System.Globalization;
using PostureStream.Analysis;
using PostureStream.Presentation.Charts;
using PostureStream.Presentation.Reports;
using PostureStream.Presentation.Review;
using PostureStream.Presentation.Tests.Reports;
using PostureStream.Testing;

namespace PostureStream.Presentation.Tests.Review;

/// <summary>The physiotherapist's view built from a real SQLite store of six simulated programme weeks, checked against the analysis of the simulation itself.</summary>
public sealed class ReviewHtmlTests(SixWeekProgrammeStore store) : IClassFixture<SixWeekProgrammeStore>
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private async Task<string> HtmlAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var reviews = await ReviewBuilder.BuildAsync(store.Trends, store.Programmes, SixWeekProgramme.WholeRange, timeout.Token);
        return ReviewHtml.Write(reviews, TimeZoneInfo.Utc);
    }

    [Fact]
    public async Task PatternCard_NamesThePatternWithItsSupportAndMeasurements_NeverADiagnosis()
    {
        var expected = PatternClassifier.Classify(store.Days, new PatternOptions());

        string html = await HtmlAsync();

        var card = Assert.Single(ReportHtml.DataRows(html, "article", "pattern"));
        Assert.Equal("flattening", card["pattern"]);
        Assert.Equal(PatternWording.Name(expected.Pattern), card["pattern"]);
        Assert.Equal(expected.Support.ToString().ToLowerInvariant(), card["support"]);
        Assert.Equal(expected.DaysAgreeing, int.Parse(card["days-agreeing"], Inv));
        Assert.Equal(expected.Sitting.FlattenedShare, ReportHtml.Number(card, "sitting-flattened"), 3);
        Assert.Equal(expected.Standing.FlattenedShare, ReportHtml.Number(card, "standing-flattened"), 3);
        Assert.Contains("Consistent with a flattening pattern", html, StringComparison.Ordinal);
        Assert.Contains(MarkupText.Encode(PatternWording.Measured(expected)), html, StringComparison.Ordinal);
        Assert.Contains("it is not a diagnosis. Discuss it with your physiotherapist.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("diagnosed", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task BeforeAfterPanel_GivesEachMetricsChangeAndIntervalInPlainWords()
    {
        var days = store.Days;

        string html = await HtmlAsync();

        var rows = ReportHtml.DataRows(html, "tr", "metric");
        Assert.Equal(ReviewBuilder.EffectMetrics.Select(m => m.ToString()), rows.Select(r => r["metric"]));
        foreach (var metric in ReviewBuilder.EffectMetrics)
        {
            var expected = EffectEstimator.Estimate(DailyMetrics.Series(days, metric), metric, SixWeekProgramme.ProgrammeStart, null, new EffectOptions());
            var row = rows.Single(r => r["metric"] == metric.ToString());
            Assert.Equal(expected.Difference, ReportHtml.Number(row, "difference"), 3);
            Assert.Equal(expected.Lower, ReportHtml.Number(row, "lower"), 3);
            Assert.Equal(expected.Upper, ReportHtml.Number(row, "upper"), 3);
            Assert.Contains(MarkupText.Encode(EffectWording.Sentence(expected)), html, StringComparison.Ordinal);
        }

        // The true change is +3° from the third programme week on: the standing tilt shows it, with its interval.
        var tilt = rows.Single(r => r["metric"] == nameof(DailyMetric.StandingPelvicInclination));
        Assert.Equal("change", tilt["verdict"]);
        Assert.Equal("14", tilt["days-before"]);
        Assert.Equal("42", tilt["days-after"]);
        Assert.InRange(ReportHtml.Number(tilt, "difference"), 1.5, 3.5);
        Assert.Matches(@"<p class=""effect-headline"">Standing pelvic tilt \+\d\.\d° since 15 March, 95 % interval \+\d\.\d° to \+\d\.\d°\.</p>", html);
        Assert.Contains(ReviewHtml.SeveralMetricsNote.Replace("\"", "&quot;", StringComparison.Ordinal), html, StringComparison.Ordinal);

        // The weekly trend: six programme weeks, each mean drawn across its week.
        var weeks = ReportHtml.DataRows(html, "line", "week");
        Assert.Equal(6, weeks.Count);
        Assert.Single(ReportHtml.DataRows(html, "line", "mean"), r => !r.ContainsKey("week"));
    }

    [Fact]
    public async Task Adherence_CountsSessionsDoneAgainstPlannedPerProgrammeWeek()
    {
        var sessions = SimulatedProgrammeStore.Sessions(SixWeekProgramme.ProgrammeStart, 42);

        string html = await HtmlAsync();

        var weeks = ReportHtml.DataRows(html, "tr", "week");
        Assert.Equal([1, 2, 3, 4, 5, 6], weeks.Select(w => int.Parse(w["week"], Inv)));
        Assert.All(weeks, w => Assert.Equal("3", w["planned"]));
        for (int week = 0; week < 6; week++)
        {
            var start = SixWeekProgramme.ProgrammeStart.AddDays(7 * week).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            Assert.Equal(sessions.Count(s => s >= start && s < start.AddDays(7)), int.Parse(weeks[week]["done"], Inv));
        }

        var total = Assert.Single(ReportHtml.DataRows(html, "div", "done"));
        Assert.Equal(sessions.Count.ToString(Inv), total["done"]);
        Assert.Equal("18", total["planned"]);
        Assert.Contains(string.Create(Inv, $"{sessions.Count} of 18 planned sessions done"), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_WithProgrammes_ShowsTheReviewAndMarksProgrammeDaysAndSessionsOnItsDailyCharts()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var request = new ReportRequest(SixWeekProgramme.WholeRange.FromUtc, SixWeekProgramme.WholeRange.ToUtc, TimeZoneInfo.Utc);

        string html = await TrendReport.BuildAsync(store.Trends, store.Programmes, request, null, timeout.Token);

        Assert.Contains("<section id=\"review\"", html, StringComparison.Ordinal);
        Assert.Single(ReportHtml.DataRows(html, "article", "pattern"));
        Assert.Empty(ReportHtml.ExternalReferences(html));
        int sessions = SimulatedProgrammeStore.Sessions(SixWeekProgramme.ProgrammeStart, 42).Count;
        // Three daily charts carry the marks (time in state, pelvic tilt, lordosis delta) — 42 programme days, a start
        // line, the sessions — and the before/after chart one band, one start line and the sessions again.
        Assert.Equal((3 * 42) + 1, CountOf(html, "<rect class=\"programme\""));
        Assert.Equal(3 + 1, CountOf(html, "<line class=\"programme-start\""));
        Assert.Equal((3 * sessions) + sessions, CountOf(html, "<line class=\"session\""));
    }

    [Fact]
    public void AngleChart_WithAnnotations_DrawsTheProgrammeBandStartAndSessionTicksInsideTheRange()
    {
        var range = SixWeekProgramme.WholeRange;
        var start = range.FromUtc.AddDays(14);
        var annotations = new ChartAnnotations(
            [new ProgrammeSpan(7, "core <strength>", start, null)],
            [start.AddHours(18), start.AddDays(2).AddHours(18), range.ToUtc.AddDays(1)]);

        string svg = AngleTrendChart.Render([], AngleMetric.PelvicTilt, Storage.Trends.TrendGrain.Day, range, annotations);

        var band = Assert.Single(ReportHtml.DataRows(svg, "rect", "programme-id"));
        Assert.Equal("7", band["programme-id"]);
        Assert.Equal("2026-03-15T00:00:00Z", band["start"]);
        Assert.Contains("programme core &lt;strength&gt;: from 15 Mar 2026, ongoing", svg, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(svg, "<line class=\"session\""));
        Assert.Equal(1, CountOf(svg, "<line class=\"programme-start\""));
    }

    [Fact]
    public void AngleChart_WithoutAnnotations_DrawsNone()
    {
        string svg = AngleTrendChart.Render([], AngleMetric.PelvicTilt, Storage.Trends.TrendGrain.Day, SixWeekProgramme.WholeRange);

        Assert.DoesNotContain("class=\"annotations\"", svg, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
