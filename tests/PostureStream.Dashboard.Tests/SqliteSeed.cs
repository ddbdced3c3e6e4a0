using PostureStream.Storage.Points;
using PostureStream.Storage.Schema;
using PostureStream.Storage.Sqlite;
using PostureStream.Vocabulary;

namespace PostureStream.Dashboard.Tests;

/// <summary>
/// Forty days (1 September – 10 October 2026, UTC) of one wearer, written through the real
/// <see cref="SqliteStore"/>: ten summary minutes each morning whose pelvic tilt rises by 0.25° a day,
/// a flattening alert raised and cleared on even days, one bend a day and a last status.
/// </summary>
internal static class SqliteSeed
{
    public const string DeviceId = "00000000000000a7";
    public const int Days = 40;
    public const int MinutesPerDay = 10;
    public static readonly DateTime FirstDay = new(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DeviceSeries Kitchen = new("kitchen", 0x00000000000000a7);

    /// <summary>The mean pelvic tilt of day <paramref name="day"/> (0 = 1 September).</summary>
    public static double PelvicTilt(int day) => 2 + (0.25 * day);

    /// <summary>The mean lordosis delta of day <paramref name="day"/>.</summary>
    public static double LordosisDelta(int day) => -3 + (0.1 * day);

    /// <summary>Neutral seconds in each seeded minute (the rest: 15 flattened, 5 hyperextended).</summary>
    public const double NeutralSecondsPerMinute = 40;

    /// <summary>Flattening alerts raised from <paramref name="fromDay"/> to <paramref name="toDay"/>, both included.</summary>
    public static int RaisedBetween(int fromDay, int toDay) => Enumerable.Range(fromDay, toDay - fromDay + 1).Count(d => d % 2 == 0);

    public static async Task WriteAsync(string path)
    {
        await using var store = SqliteStore.Open(new SqliteStoreOptions { Path = path });
        for (var day = 0; day < Days; day++)
        {
            var morning = FirstDay.AddDays(day).AddHours(8);
            double tilt = PelvicTilt(day), lordosis = LordosisDelta(day);
            for (var minute = 0; minute < MinutesPerDay; minute++)
            {
                store.Write(new PostureSummaryRecord(
                    Kitchen, morning.AddMinutes(minute), NeutralSecondsPerMinute, 15, 5, 0, 30, 30, 0, 0, 0,
                    tilt, tilt - 3, tilt + 4, lordosis, lordosis - 2, lordosis + 2, 600, 0));
            }

            if (day % 2 == 0)
            {
                var raised = morning.AddMinutes(3);
                store.Write(new PostureAlertRecord(Kitchen, raised, AlertKind.Flattening, AlertPhase.Raised, raised.AddMinutes(-1), 60, -11, Activity.Sitting, true));
                store.Write(new PostureAlertRecord(Kitchen, raised.AddMinutes(2), AlertKind.Flattening, AlertPhase.Cleared, raised.AddMinutes(-1), 180, -13, Activity.Sitting, false));
            }

            store.Write(new PostureBendRecord(Kitchen, morning.AddMinutes(5), 2.5, 40, 20, 0.67, true));
        }

        store.Write(new DeviceStatusRecord(Kitchen, FirstDay.AddDays(Days - 1).AddHours(9), 3900, 77, 30.5, false, false, false));
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await store.FlushAsync(deadline.Token);
    }
}
