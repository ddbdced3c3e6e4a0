using System.Globalization;
using PostureStream.Presentation.Reports;
using PostureStream.Storage.Points;
using PostureStream.Storage.Sqlite;
using PostureStream.Storage.Trends;

namespace PostureStream.Presentation.Tests.Reports;

public sealed class TrendReportTests
{
    private static Task<string> BuildAsync(ITrendQueries queries, ReportRequest request, IProgress<ReportProgress>? progress = null) =>
        TrendReport.BuildAsync(queries, request, progress, CancellationToken.None);

    [Fact]
    public async Task SeededWeek_DayTable_HoldsExpectedPerDayFiguresInTheZonesDays()
    {
        string html = await BuildAsync(await SeededWeek.QueriesAsync(), SeededWeek.Request);

        var rows = ReportHtml.DataRows(html, "tr", "day");
        Assert.Equal(7, rows.Count);
        for (int day = 0; day < 7; day++)
        {
            var row = rows[day];
            var (flattening, hyper) = SeededWeek.RaisedAlerts(day);
            Assert.Equal(SeededWeek.FirstDay.AddDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row["day"]);
            Assert.Equal(SeededWeek.Neutral(day), ReportHtml.Number(row, "neutral-s"), 3);
            Assert.Equal(SeededWeek.Flattened(day), ReportHtml.Number(row, "flattened-s"), 3);
            Assert.Equal(SeededWeek.Hyperextended(day), ReportHtml.Number(row, "hyperextended-s"), 3);
            Assert.Equal(SeededWeek.PelvicTilt(day), ReportHtml.Number(row, "pelvic-tilt"), 3);
            Assert.Equal(SeededWeek.LordosisDelta(day), ReportHtml.Number(row, "lordosis-delta"), 3);
            Assert.Equal(flattening, (int)ReportHtml.Number(row, "flattening-alerts"));
            Assert.Equal(hyper, (int)ReportHtml.Number(row, "hyperextension-alerts"));
            Assert.Equal(flattening + hyper, (int)ReportHtml.Number(row, "alerts"));
            Assert.Equal(day, (int)ReportHtml.Number(row, "bends"));
            Assert.Equal(SeededWeek.LumbarDominant(day), (int)ReportHtml.Number(row, "lumbar-dominant"));
            if (day == 0)
            {
                Assert.Equal(string.Empty, row["lumbar-share"]);
            }
            else
            {
                double expectedShare = Enumerable.Range(0, day).Average(b => SeededWeek.LumbarShare(day, b));
                Assert.Equal(expectedShare, ReportHtml.Number(row, "lumbar-share"), 3);
            }
        }
    }

    [Fact]
    public async Task SeededWeek_TrendSentences_GiveTheLeastSquaresSlopePerWeek()
    {
        string html = await BuildAsync(await SeededWeek.QueriesAsync(), SeededWeek.Request);

        // Tilt falls 0.1° a day and lordosis delta rises 0.05° a day.
        Assert.Contains("Pelvic tilt fell 0.7° per week.", html, StringComparison.Ordinal);
        Assert.Contains("Lordosis delta rose 0.35° per week.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeededWeek_BendSummary_GivesTotalsAndLumbarDominantShare()
    {
        string html = await BuildAsync(await SeededWeek.QueriesAsync(), SeededWeek.Request);

        var summary = Assert.Single(ReportHtml.DataRows(html, "p", "bends"));
        int total = Enumerable.Range(0, 7).Sum();
        int dominant = Enumerable.Range(0, 7).Sum(SeededWeek.LumbarDominant);
        Assert.Equal(total, (int)ReportHtml.Number(summary, "bends"));
        Assert.Equal(dominant, (int)ReportHtml.Number(summary, "lumbar-dominant"));
        Assert.Contains($"{Math.Round(100.0 * dominant / total):0} % of bends were lumbar-dominant", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeededWeek_LatestStatus_IsShownPerDevice()
    {
        string html = await BuildAsync(await SeededWeek.QueriesAsync(), SeededWeek.Request);

        var status = Assert.Single(ReportHtml.DataRows(html, "tr", "device-id"));
        Assert.Equal(SeededWeek.DeviceId, status["device-id"]);
        Assert.Equal("3987", status["battery-mv"]);
        Assert.Equal("87", status["battery-pct"]);
        Assert.Contains("pelvis sensor fault", html, StringComparison.Ordinal);
        Assert.Contains("Anna&#39;s belt", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_HasNoExternalReferencesAndInlineStylesAndCharts()
    {
        string html = await BuildAsync(await SeededWeek.QueriesAsync(), SeededWeek.Request);

        Assert.Empty(ReportHtml.ExternalReferences(html));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("size: A4", html, StringComparison.Ordinal);
        Assert.True(html.Split("<svg").Length - 1 >= 5, "one chart each for time in state, tilt, lordosis, alerts and bends");
    }

    [Fact]
    public void ExternalReferenceCheck_FindsEachKindOfReference()
    {
        string[] bad =
        [
            "<img src=\"https://example.org/a.png\">",
            "<a href='http://x'>",
            "<script src=\"a.js\"></script>",
            "<div style=\"background:url(a.png)\">",
            "<link rel=stylesheet href=a.css>",
            "<style>@import 'a.css';</style>",
            "<img src=//cdn/a.png>",
        ];
        foreach (string html in bad)
        {
            Assert.NotEmpty(ReportHtml.ExternalReferences(html));
        }
    }

    [Fact]
    public async Task Queries_AreAskedForTheRequestRangeZoneAndDayGrain_AndMinutesForThePattern()
    {
        var queries = new RecordingTrendQueries(await SeededWeek.QueriesAsync());
        var request = SeededWeek.Request with { DeviceId = SeededWeek.DeviceId };

        await BuildAsync(queries, request);

        Assert.NotEmpty(queries.Asked);
        Assert.All(queries.Asked, a =>
        {
            Assert.Equal(request.FromUtc, a.Query.FromUtc);
            Assert.Equal(request.ToUtc, a.Query.ToUtc);
            Assert.Equal(SeededWeek.DeviceId, a.Query.DeviceId);
            Assert.Same(SeededWeek.Zone, a.Query.Zone);
            // Days for the charts and the table; minutes for the pattern card (a minute counts for sitting or standing by its share).
            Assert.True(a.Grain is null or TrendGrain.Day or TrendGrain.Minute);
        });
        Assert.Contains(queries.Asked, a => a.Grain == TrendGrain.Minute);
    }

    [Fact]
    public async Task Progress_CountsUpToTheTotal()
    {
        var seen = new List<ReportProgress>();

        await BuildAsync(await SeededWeek.QueriesAsync(), SeededWeek.Request, new SynchronousProgress(seen.Add));

        Assert.Equal(Enumerable.Range(0, seen.Count), seen.Select(p => p.Completed));
        Assert.Equal(seen[^1].Total, seen[^1].Completed);
    }

    [Fact]
    public async Task DaysWithoutData_HaveRowsWithZerosAndNoMeans()
    {
        var request = SeededWeek.Request with { ToUtc = SeededWeek.DayStartUtc(9) };

        string html = await BuildAsync(await SeededWeek.QueriesAsync(), request);

        var rows = ReportHtml.DataRows(html, "tr", "day");
        Assert.Equal(9, rows.Count);
        Assert.Equal("2026-11-24", rows[^1]["day"]);
        Assert.Equal(0, ReportHtml.Number(rows[^1], "neutral-s"));
        Assert.Equal(string.Empty, rows[^1]["pelvic-tilt"]);
        Assert.Contains("Pelvic tilt fell 0.7° per week.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DaylightSavingEnd_The25HourDayIsOneRow()
    {
        // Berlin leaves summer time on Sun 25 Oct 2026: local midnights are 22:00 UTC before, 23:00 UTC after.
        var zone = SeededWeek.Zone;
        DateTime Midnight(int day) => TrendCalendar.DayStartUtc(new DateOnly(2026, 10, 24 + day), zone);
        using var store = await ReportStore.WriteAsync(sqlite =>
        {
            // Day d has d + 1 neutral hours; the long Sunday's start at 00:00 local, run through the repeated hour and past 02:00 CET.
            for (int day = 0; day < 3; day++)
            {
                NeutralMinutes(sqlite, Midnight(day), 60 * (day + 1));
            }

            // 23:30 local on the long Sunday is 22:30 UTC: still Sunday.
            sqlite.Write(new PostureAlertRecord(Belt, Midnight(2).AddMinutes(-30), AlertKind.Flattening, AlertPhase.Raised, Midnight(2).AddMinutes(-31), 60, -12, Activity.Sitting, true));
        });

        string html = await BuildAsync(store.Queries, new ReportRequest(Midnight(0), Midnight(3), zone));

        var rows = ReportHtml.DataRows(html, "tr", "day");
        Assert.Equal(["2026-10-24", "2026-10-25", "2026-10-26"], rows.Select(r => r["day"]));
        Assert.Equal([3600.0, 7200.0, 10800.0], rows.Select(r => ReportHtml.Number(r, "neutral-s")));
        Assert.Equal(["0", "1", "0"], rows.Select(r => r["alerts"]));
        Assert.Equal(TimeSpan.FromHours(25), Midnight(2) - Midnight(1));
    }

    [Fact]
    public async Task DaylightSavingStart_The23HourDayIsOneRow()
    {
        // Berlin enters summer time on Sun 29 Mar 2026: 02:00 CET becomes 03:00 CEST, so that day has 23 hours.
        var zone = SeededWeek.Zone;
        DateTime Midnight(int day) => TrendCalendar.DayStartUtc(new DateOnly(2026, 3, 28 + day), zone);
        using var store = await ReportStore.WriteAsync(sqlite =>
        {
            for (int day = 0; day < 3; day++)
            {
                NeutralMinutes(sqlite, Midnight(day), 60 * (day + 1));
            }

            // The short Sunday's last minutes, 23:00–23:59 CEST (21:00 UTC): still Sunday.
            NeutralMinutes(sqlite, Midnight(2).AddHours(-1), 60);
        });

        string html = await BuildAsync(store.Queries, new ReportRequest(Midnight(0), Midnight(3), zone));

        var rows = ReportHtml.DataRows(html, "tr", "day");
        Assert.Equal(["2026-03-28", "2026-03-29", "2026-03-30"], rows.Select(r => r["day"]));
        Assert.Equal([3600.0, 7200.0 + 3600.0, 10800.0], rows.Select(r => ReportHtml.Number(r, "neutral-s")));
        Assert.Equal(TimeSpan.FromHours(23), Midnight(2) - Midnight(1));
    }

    [Fact]
    public async Task EmptyStore_StillGivesAReport()
    {
        using var store = await ReportStore.WriteAsync(_ => { });

        string html = await BuildAsync(store.Queries, SeededWeek.Request);

        Assert.Equal(7, ReportHtml.DataRows(html, "tr", "day").Count);
        Assert.Contains("Pelvic tilt: not enough days with data for a trend.", html, StringComparison.Ordinal);
        Assert.Contains("No bends in this range.", html, StringComparison.Ordinal);
        Assert.Empty(ReportHtml.ExternalReferences(html));
    }

    private static readonly DeviceSeries Belt = new(SeededWeek.Device, 0x0123456789abcdef);

    /// <summary>Whole neutral minutes from <paramref name="startUtc"/> on, one summary row each.</summary>
    private static void NeutralMinutes(SqliteStore store, DateTime startUtc, int minutes)
    {
        for (int m = 0; m < minutes; m++)
        {
            store.Write(new PostureSummaryRecord(Belt, startUtc.AddMinutes(m), 60, 0, 0, 0, 60, 0, 0, 0, 0, 5, 4, 6, -1, -2, 0, 600, 0));
        }
    }

    private sealed class SynchronousProgress(Action<ReportProgress> report) : IProgress<ReportProgress>
    {
        public void Report(ReportProgress value) => report(value);
    }
}
