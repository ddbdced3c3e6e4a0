using PostureStream.Presentation.Reports;
using PostureStream.Storage.Points;
using PostureStream.Storage.Sqlite;
using PostureStream.Storage.Trends;

namespace PostureStream.Presentation.Tests.Reports;

/// <summary>
/// A known week (Mon 16 – Sun 22 Nov 2026) in Europe/Berlin (UTC+1), written to a real SQLite store:
/// day buckets start at local midnight (23:00 UTC the day before). Day i (0–6) has
/// neutral (4 + i) h, flattened 30 + 10·i min, hyper-extended 15·i min, mean pelvic tilt
/// 10 − 0.1·i°, mean lordosis delta −2 + 0.05·i°, i bends of which ⌈i/2⌉ lumbar-dominant.
/// Alerts sit near local midnight so that a UTC grouping would put them on the wrong day.
/// </summary>
internal static class SeededWeek
{
    public const string DeviceId = "0123456789abcdef";
    public const string Device = "Anna's belt";
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    public static readonly DateOnly FirstDay = new(2026, 11, 16);

    public static ReportRequest Request => new(DayStartUtc(0), DayStartUtc(7), Zone) { GeneratedUtc = DayStartUtc(7) };

    public static DateTime DayStartUtc(int day) =>
        TimeZoneInfo.ConvertTimeToUtc(FirstDay.AddDays(day).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    public static double Neutral(int day) => 3600.0 * (4 + day);

    public static double Flattened(int day) => 1800.0 + (600.0 * day);

    public static double Hyperextended(int day) => 900.0 * day;

    public static double PelvicTilt(int day) => 10 - (0.1 * day);

    public static double LordosisDelta(int day) => -2 + (0.05 * day);

    public static int LumbarDominant(int day) => (day + 1) / 2;

    public static double LumbarShare(int day, int bend) => 0.4 + (0.1 * bend);

    /// <summary>The real trend queries over the week, written once per test run to a temporary SQLite store.</summary>
    public static async Task<ITrendQueries> QueriesAsync() => (await Store.Value).Queries;

    private static readonly DeviceSeries Series = new(Device, 0x0123456789abcdef);
    private static readonly Lazy<Task<ReportStore>> Store = new(() => Task.Run(WriteAsync));

    private static async Task<ReportStore> WriteAsync()
    {
        var store = await ReportStore.WriteAsync(Write);
        // Shared by every test of the run (it is only read), so it goes when the run ends.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => store.Dispose();
        return store;
    }

    /// <summary>
    /// Each day from local 08:00, one summary row a minute: (4 + i) h of neutral minutes, then the flattened and
    /// the hyper-extended minutes, every minute at the day's mean angles; i bends from 10:00.
    /// </summary>
    private static void Write(SqliteStore store)
    {
        for (int day = 0; day < 7; day++)
        {
            var start = DayStartUtc(day);
            var minute = start.AddHours(8);
            foreach (var (seconds, count) in new[] { ((60.0, 0.0, 0.0), Neutral(day)), ((0.0, 60.0, 0.0), Flattened(day)), ((0.0, 0.0, 60.0), Hyperextended(day)) })
            {
                for (int m = 0; m < count / 60; m++, minute = minute.AddMinutes(1))
                {
                    double tilt = PelvicTilt(day), lordosis = LordosisDelta(day);
                    store.Write(new PostureSummaryRecord(
                        Series, minute, seconds.Item1, seconds.Item2, seconds.Item3, 0, 20, 40, 0, 0, 0,
                        tilt, tilt - 5, tilt + 5, lordosis, -10, 10, 600, 0));
                }
            }

            for (int bend = 0; bend < day; bend++)
            {
                store.Write(new PostureBendRecord(Series, start.AddHours(10 + bend), 2.5, 50, 20, LumbarShare(day, bend), bend < LumbarDominant(day)));
            }
        }

        // Local 00:30 on Tue 17 (23:30 UTC on Mon 16): a Tuesday alert.
        store.Write(Alert(DayStartUtc(1).AddMinutes(30), AlertKind.Flattening, AlertPhase.Raised));
        store.Write(Alert(DayStartUtc(1).AddMinutes(31), AlertKind.Flattening, AlertPhase.Reminder));
        store.Write(Alert(DayStartUtc(1).AddMinutes(32), AlertKind.Flattening, AlertPhase.Cleared));
        // Local 23:50 on Wed 18 (22:50 UTC): a Wednesday alert.
        store.Write(Alert(DayStartUtc(3).AddMinutes(-10), AlertKind.Hyperextension, AlertPhase.Raised));
        store.Write(Alert(DayStartUtc(3).AddHours(12), AlertKind.Flattening, AlertPhase.Raised));
        store.Write(Alert(DayStartUtc(3).AddHours(13), AlertKind.Hyperextension, AlertPhase.Raised));
        store.Write(new DeviceStatusRecord(Series, DayStartUtc(7).AddMinutes(-5), 3987, 87, 31.25, false, false, true));
    }

    /// <summary>Raised alerts per day: (flattening, hyper-extension).</summary>
    public static (int Flattening, int Hyperextension) RaisedAlerts(int day) => day switch
    {
        1 => (1, 0),
        2 => (0, 1),
        3 => (1, 1),
        _ => (0, 0),
    };

    private static PostureAlertRecord Alert(DateTime time, AlertKind kind, AlertPhase phase) =>
        new(Series, time, kind, phase, time.AddMinutes(-1), 60, -12, Activity.Sitting, true);
}
