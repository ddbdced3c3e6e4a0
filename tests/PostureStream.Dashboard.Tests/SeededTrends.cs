using PostureStream.Storage.Trends;

namespace PostureStream.Dashboard.Tests;

/// <summary>
/// The data the dashboard tests look at: two wearers from 1 August to 31 October 2026 (UTC),
/// worn 07:00–22:00 each day. "desk" slowly loses anterior tilt (stretching works); "gym" does not.
/// </summary>
internal static class SeededTrends
{
    public const string DeskId = "00000000000000a1";
    public const string GymId = "00000000000000b2";
    public static readonly DateTime FirstDay = new(2026, 8, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime EndUtc = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
    public const int WornFromHour = 7;
    public const int WornToHour = 22;

    /// <summary>Each worn hour: 40 min neutral, 10 flattened, 5 hyperextended, 5 uncalibrated.</summary>
    public static readonly TimeInStateBucket HourSplit = new(default, 2400, 600, 300, 300, 1200, 1800, 400, 100, 100);

    public static FakeTrendQueries Create()
    {
        var fake = new FakeTrendQueries();
        for (var day = FirstDay; day < EndUtc; day = day.AddDays(1))
        {
            var dayIndex = (day - FirstDay).TotalDays;
            for (var hour = WornFromHour; hour < WornToHour; hour++)
            {
                var start = day.AddHours(hour);
                var wobble = Math.Sin(hour / 3.0);
                fake.Rollups.Add(Rollup(DeskId, "desk", start, 9 - (dayIndex * 0.05) + wobble, -4 + wobble));
                fake.Rollups.Add(Rollup(GymId, "gym", start, 4 + wobble, 2 + wobble));
            }

            fake.Alerts.Add(Alert(DeskId, "desk", day.AddHours(10), "flattening", "raised"));
            fake.Alerts.Add(Alert(DeskId, "desk", day.AddHours(10.1), "flattening", "cleared"));
            if (day.Day % 3 == 0)
            {
                fake.Alerts.Add(Alert(GymId, "gym", day.AddHours(15), "hyperextension", "raised"));
                fake.Alerts.Add(Alert(GymId, "gym", day.AddHours(15.2), "hyperextension", "reminder"));
                fake.Alerts.Add(Alert(GymId, "gym", day.AddHours(15.3), "hyperextension", "cleared"));
            }

            foreach (var (id, name) in new[] { (DeskId, "desk"), (GymId, "gym") })
            {
                fake.Bends.Add(Bend(id, name, day.AddHours(9), 0.42));
                fake.Bends.Add(Bend(id, name, day.AddHours(12), 0.71));
                fake.Bends.Add(Bend(id, name, day.AddHours(18), 0.55));
            }
        }

        fake.Statuses.Add(new StatusRow(EndUtc.AddHours(-2), DeskId, "desk", 3950, 82, 31.5, false, false, false));
        fake.Statuses.Add(new StatusRow(EndUtc.AddHours(-2), GymId, "gym", 3700, 40, 30.1, true, false, true));
        return fake;
    }

    private static HourRollup Rollup(string id, string name, DateTime start, double tilt, double lordosis) =>
        new(id, name, start, tilt, tilt - 6, tilt + 7, lordosis, lordosis - 5, lordosis + 4, 36000, HourSplit with { StartUtc = start });

    private static AlertRow Alert(string id, string name, DateTime time, string kind, string phase) =>
        new(time, id, name, kind, phase, time.AddMinutes(-1), 60, kind == "flattening" ? -11.5 : 9.2, "sitting", phase == "raised");

    private static BendRow Bend(string id, string name, DateTime time, double share) =>
        new(time, id, name, 2.5, 40 * share / 0.5, 40 * (1 - share) / 0.5, share, share > 0.6);
}
