using PostureStream.Storage.Reports;
using PostureStream.Storage.Trends;

namespace PostureStream.Storage.Tests.Reports;

/// <summary>
/// A known week (Mon 16 – Sun 22 Nov 2026) in Europe/Berlin (UTC+1), as a store would answer it:
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

    public static FakeTrendQueries Queries()
    {
        var q = new FakeTrendQueries();
        q.Devices.Add(new DeviceInfo(DeviceId, Device, DayStartUtc(7).AddMinutes(-5)));
        for (int day = 0; day < 7; day++)
        {
            var start = DayStartUtc(day);
            q.Angles.Add(new AngleBucket(start, PelvicTilt(day), PelvicTilt(day) - 5, PelvicTilt(day) + 5, LordosisDelta(day), -10, 10, 36_000));
            q.States.Add(new TimeInStateBucket(start, Neutral(day), Flattened(day), Hyperextended(day), 60, 3600, 7200, 600, 300, 0));
            for (int bend = 0; bend < day; bend++)
            {
                q.Bends.Add(new BendRow(start.AddHours(10 + bend), DeviceId, Device, 2.5, 50, 20, LumbarShare(day, bend), bend < LumbarDominant(day)));
            }
        }

        // Local 00:30 on Tue 17 (23:30 UTC on Mon 16): a Tuesday alert.
        q.Alerts.Add(Alert(DayStartUtc(1).AddMinutes(30), "flattening", "raised"));
        q.Alerts.Add(Alert(DayStartUtc(1).AddMinutes(31), "flattening", "reminder"));
        q.Alerts.Add(Alert(DayStartUtc(1).AddMinutes(32), "flattening", "cleared"));
        // Local 23:50 on Wed 18 (22:50 UTC): a Wednesday alert.
        q.Alerts.Add(Alert(DayStartUtc(3).AddMinutes(-10), "hyperextension", "raised"));
        q.Alerts.Add(Alert(DayStartUtc(3).AddHours(12), "flattening", "raised"));
        q.Alerts.Add(Alert(DayStartUtc(3).AddHours(13), "hyperextension", "raised"));
        q.Statuses.Add(new StatusRow(DayStartUtc(7).AddMinutes(-5), DeviceId, Device, 3987, 87, 31.25, false, false, true));
        return q;
    }

    /// <summary>Raised alerts per day: (flattening, hyper-extension).</summary>
    public static (int Flattening, int Hyperextension) RaisedAlerts(int day) => day switch
    {
        1 => (1, 0),
        2 => (0, 1),
        3 => (1, 1),
        _ => (0, 0),
    };

    private static AlertRow Alert(DateTime time, string kind, string phase) =>
        new(time, DeviceId, Device, kind, phase, time.AddMinutes(-1), 60, -12, "sitting", true);
}
