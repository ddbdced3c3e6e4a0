using PostureStream.Presentation.Reports;
using PostureStream.Storage.Points;
using PostureStream.Storage.Sqlite;
using PostureStream.Storage.Trends;

namespace PostureStream.Presentation.Tests.Reports;

/// <summary>
/// The example report shown in the Reports README (<c>src/PostureStream.Presentation/Reports/example-report.html</c>)
/// is exactly what the code writes today for two synthetic weeks in Europe/Berlin (Mon 9 – Sun 22 Nov 2026) of
/// a wearer slowly improving, seeded random, written to a real SQLite store. After a change to the report's
/// layout or colours, run this test with <c>POSTURESTREAM_WRITE_EXAMPLE=1</c> to write the file again, then take
/// the screenshot as the README says.
/// </summary>
public sealed class ExampleReportTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DeviceSeries Belt = new("Anna's belt", 0x0123456789abcdef);
    private static readonly DateOnly FirstDay = new(2026, 11, 9);
    private const int Days = 14;

    [Fact]
    public async Task Example_IsWhatTheReportWriterWritesToday()
    {
        using var store = await ReportStore.WriteAsync(Write);
        var request = new ReportRequest(
            TrendCalendar.DayStartUtc(FirstDay, Berlin), TrendCalendar.DayStartUtc(FirstDay.AddDays(Days), Berlin), Berlin)
        {
            GeneratedUtc = new DateTime(2026, 11, 23, 7, 0, 0, DateTimeKind.Utc),
        };

        string html = await TrendReport.BuildAsync(store.Queries, request, null, CancellationToken.None);

        string path = RepoPaths.Combine("src", "PostureStream.Presentation", "Reports", "example-report.html");
        if (Environment.GetEnvironmentVariable("POSTURESTREAM_WRITE_EXAMPLE") == "1")
        {
            await File.WriteAllTextAsync(path, html);
        }

        Assert.True(
            html == await File.ReadAllTextAsync(path),
            $"{path} is not what the report writer writes now; run this test with POSTURESTREAM_WRITE_EXAMPLE=1 and retake the screenshot (Reports README)");
        Assert.Equal(Days, ReportHtml.DataRows(html, "tr", "day").Count);
    }

    /// <summary>Worn 08:00–20:00 local each day, a summary row a minute; flattening, hyper-extension and tilt ease off day by day.</summary>
    private static void Write(SqliteStore store)
    {
        var random = new Random(47);
        for (int day = 0; day < Days; day++)
        {
            double progress = day / (Days - 1.0);
            var start = TrendCalendar.DayStartUtc(FirstDay.AddDays(day), Berlin);
            double tilt = 11.6 - (1.4 * progress) + (0.3 * (random.NextDouble() - 0.5));
            double lordosis = -3.2 + (1.1 * progress) + (0.3 * (random.NextDouble() - 0.5));
            for (int minute = 0; minute < 12 * 60; minute++)
            {
                double flattened = Math.Clamp(60 * (0.29 - (0.1 * progress) + (0.2 * (random.NextDouble() - 0.5))), 0, 40);
                double hyper = Math.Clamp(60 * (0.07 - (0.02 * progress) + (0.08 * (random.NextDouble() - 0.5))), 0, 20);
                double minuteTilt = tilt + (4 * (random.NextDouble() - 0.5));
                double minuteLordosis = lordosis + (3 * (random.NextDouble() - 0.5));
                store.Write(new PostureSummaryRecord(
                    Belt, start.AddHours(8).AddMinutes(minute), 60 - flattened - hyper, flattened, hyper, 0, 18, 36, 6, 0, 0,
                    minuteTilt, minuteTilt - 6, minuteTilt + 7, minuteLordosis, minuteLordosis - 5, minuteLordosis + 4, 600, 0));
            }

            Alerts(store, random, start, AlertKind.Flattening, 5 - (int)(2 * progress));
            Alerts(store, random, start, AlertKind.Hyperextension, 3 - (int)(2 * progress));
            int bends = 8 + random.Next(7);
            for (int bend = 0; bend < bends; bend++)
            {
                double share = Math.Clamp(0.62 - (0.15 * progress) + (0.3 * (random.NextDouble() - 0.5)), 0.2, 0.9);
                store.Write(new PostureBendRecord(Belt, start.AddHours(8.5 + (bend * 0.8)), 2 + random.NextDouble(), 40 * share / 0.5, 40 * (1 - share) / 0.5, share, share > 0.6));
            }
        }

        store.Write(new DeviceStatusRecord(Belt, TrendCalendar.DayStartUtc(FirstDay.AddDays(Days), Berlin).AddHours(-3), 3874, 64, 31.2, false, false, false));
    }

    private static void Alerts(SqliteStore store, Random random, DateTime dayStart, AlertKind kind, int most)
    {
        int count = random.Next(Math.Max(1, most - 2), most + 1);
        for (int i = 0; i < count; i++)
        {
            var raised = dayStart.AddHours(8.5 + (11 * random.NextDouble()));
            double peak = kind == AlertKind.Flattening ? -10 - (4 * random.NextDouble()) : 8 + (3 * random.NextDouble());
            store.Write(new PostureAlertRecord(Belt, raised, kind, AlertPhase.Raised, raised.AddMinutes(-1), 60, peak, Activity.Sitting, true));
            store.Write(new PostureAlertRecord(Belt, raised.AddMinutes(3), kind, AlertPhase.Cleared, raised.AddMinutes(-1), 240, peak, Activity.Sitting, false));
        }
    }
}
