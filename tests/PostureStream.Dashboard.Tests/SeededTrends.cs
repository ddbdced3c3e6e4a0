using PostureStream.Storage.Points;
using PostureStream.Storage.Schema;
using PostureStream.Storage.Sqlite;
using PostureStream.Storage.Trends;
using PostureStream.Testing;
using PostureStream.Vocabulary;

namespace PostureStream.Dashboard.Tests;

/// <summary>
/// The data most dashboard tests look at, in a real SQLite store read by the real <see cref="SqliteTrendQueries"/>:
/// two wearers from 1 August to 31 October 2026 (UTC), worn 07:00–22:00 each day, one summary point a minute.
/// "desk" slowly loses anterior tilt (stretching works); "gym" does not. The store is written once per test
/// run through <see cref="SqliteStore"/> and only read afterwards, so every dashboard may share it.
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

    /// <summary>Samples in each worn hour, spread evenly over its minutes.</summary>
    public const long SamplesPerHour = 36_000;

    private static readonly DeviceSeries Desk = new("desk", 0xa1);
    private static readonly DeviceSeries Gym = new("gym", 0xb2);
    private static readonly Lazy<Task<string>> StoreFile = new(() => Task.Run(WriteStoreAsync));

    /// <summary>The real trend queries over the seeded store (written on first use).</summary>
    public static async Task<ITrendQueries> OpenAsync() => SqliteTrendQueries.Open(await StoreFile.Value);

    /// <summary>The mean pelvic tilt of every minute in hour <paramref name="hour"/> of day <paramref name="dayIndex"/> (0 = 1 August).</summary>
    public static double DeskPelvicTilt(int dayIndex, int hour) => 9 - (dayIndex * 0.05) + Wobble(hour);

    private static double Wobble(int hour) => Math.Sin(hour / 3.0);

    private static async Task<string> WriteStoreAsync()
    {
        var folder = new TempDirectory("posturestream-dash-trends-");
        // Shared by every test in the run, so it goes when the run ends.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => folder.Dispose();
        string path = folder.Sub("trends.db");
        await using var store = SqliteStore.Open(new SqliteStoreOptions { Path = path });
        for (var day = FirstDay; day < EndUtc; day = day.AddDays(1))
        {
            int dayIndex = (int)(day - FirstDay).TotalDays;
            for (var hour = WornFromHour; hour < WornToHour; hour++)
            {
                for (var minute = 0; minute < 60; minute++)
                {
                    var time = day.AddHours(hour).AddMinutes(minute);
                    store.Write(Summary(Desk, time, DeskPelvicTilt(dayIndex, hour), -4 + Wobble(hour)));
                    store.Write(Summary(Gym, time, 4 + Wobble(hour), 2 + Wobble(hour)));
                }
            }

            store.Write(Alert(Desk, day.AddHours(10), AlertKind.Flattening, AlertPhase.Raised));
            store.Write(Alert(Desk, day.AddHours(10.1), AlertKind.Flattening, AlertPhase.Cleared));
            if (day.Day % 3 == 0)
            {
                store.Write(Alert(Gym, day.AddHours(15), AlertKind.Hyperextension, AlertPhase.Raised));
                store.Write(Alert(Gym, day.AddHours(15.2), AlertKind.Hyperextension, AlertPhase.Reminder));
                store.Write(Alert(Gym, day.AddHours(15.3), AlertKind.Hyperextension, AlertPhase.Cleared));
            }

            foreach (var device in new[] { Desk, Gym })
            {
                store.Write(Bend(device, day.AddHours(9), 0.42));
                store.Write(Bend(device, day.AddHours(12), 0.71));
                store.Write(Bend(device, day.AddHours(18), 0.55));
            }
        }

        store.Write(new DeviceStatusRecord(Desk, EndUtc.AddHours(-2), 3950, 82, 31.5, Charging: false, LumbarFault: false, PelvisFault: false));
        store.Write(new DeviceStatusRecord(Gym, EndUtc.AddHours(-2), 3700, 40, 30.1, Charging: true, LumbarFault: false, PelvisFault: true));
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await store.FlushAsync(deadline.Token);
        return path;
    }

    /// <summary>One minute of <see cref="HourSplit"/>: tilt spans −6…+7° around its mean, lordosis −5…+4°.</summary>
    private static PostureSummaryRecord Summary(DeviceSeries device, DateTime time, double tilt, double lordosis) =>
        new(device, time,
            HourSplit.SecondsNeutral / 60, HourSplit.SecondsFlattened / 60, HourSplit.SecondsHyperextended / 60, HourSplit.SecondsUncalibrated / 60,
            HourSplit.SecondsStanding / 60, HourSplit.SecondsSitting / 60, HourSplit.SecondsWalking / 60, HourSplit.SecondsBending / 60, HourSplit.SecondsLying / 60,
            tilt, tilt - 6, tilt + 7, lordosis, lordosis - 5, lordosis + 4, SamplesPerHour / 60, Gaps: 0);

    private static PostureAlertRecord Alert(DeviceSeries device, DateTime time, AlertKind kind, AlertPhase phase) =>
        new(device, time, kind, phase, time.AddMinutes(-1), 60, kind == AlertKind.Flattening ? -11.5 : 9.2, Activity.Sitting, Buzzed: phase == AlertPhase.Raised);

    private static PostureBendRecord Bend(DeviceSeries device, DateTime time, double share) =>
        new(device, time, 2.5, 40 * share / 0.5, 40 * (1 - share) / 0.5, share, share > 0.6);
}
