using PostureStream.Storage.Tests.Fixtures;
using PostureStream.Storage.Trends;

namespace PostureStream.Storage.Tests.Trends;

/// <summary>The same seeded data in SQLite and in a real influxd gives the same answer to every trend question.</summary>
[Collection(InfluxdCollection.Name)]
public sealed class TrendEquivalenceTests(InfluxdFixture fixture, SeededStores stores) : IClassFixture<SeededStores>
{
    private static readonly string AnnaId = TrendSeed.Anna.DeviceIdHex;

    public static TheoryData<string, TrendGrain, bool> Combinations => new()
    {
        { "UTC", TrendGrain.Hour, false },
        { "America/New_York", TrendGrain.Hour, true },
        { "Asia/Kathmandu", TrendGrain.Hour, false },
        { "UTC", TrendGrain.Day, true },
        { "America/New_York", TrendGrain.Day, false },
        { "Europe/Berlin", TrendGrain.Day, true },
        { "Asia/Kathmandu", TrendGrain.Day, false },
        { "Europe/Berlin", TrendGrain.Week, false },
        { "America/New_York", TrendGrain.Month, true },
    };

    [Theory]
    [MemberData(nameof(Combinations))]
    public async Task AngleTrend_AndTimeInState_AreTheSame(string zoneId, TrendGrain grain, bool oneDevice)
    {
        var (sqlite, influx) = await stores.GetAsync(fixture.Server);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        string? device = oneDevice ? AnnaId : null;

        // A range that starts and ends mid-hour, so partial buckets show too.
        var query = new TrendQuery(TrendSeed.Start.AddMinutes(37), TrendSeed.End.AddMinutes(-53), device, zone);
        string what = $"{zoneId} {grain} {device ?? "all"}";
        var angles = await sqlite.AngleTrendAsync(query, grain, CancellationToken.None);
        Assert.NotEmpty(angles);
        Assert.Contains(angles, a => double.IsFinite(a.MeanPelvicTilt) && a.MinPelvicTilt < a.MeanPelvicTilt && a.MeanPelvicTilt < a.MaxPelvicTilt);
        TrendAssert.Same(angles, await influx.AngleTrendAsync(query, grain, CancellationToken.None), "angles " + what);
        var time = await sqlite.TimeInStateAsync(query, grain, CancellationToken.None);
        TrendAssert.Same(time, await influx.TimeInStateAsync(query, grain, CancellationToken.None), "time in state " + what);
    }

    [Fact]
    public async Task MinuteGrain_IsTheSame_AndHasOneBucketPerStoredMinute()
    {
        var (sqlite, influx) = await stores.GetAsync(fixture.Server);
        var query = new TrendQuery(TrendSeed.Start.AddHours(5), TrendSeed.Start.AddHours(7), AnnaId, TimeZoneInfo.FindSystemTimeZoneById("Asia/Kathmandu"));
        var angles = await sqlite.AngleTrendAsync(query, TrendGrain.Minute, CancellationToken.None);
        Assert.Equal(60, angles.Count);
        TrendAssert.Same(angles, await influx.AngleTrendAsync(query, TrendGrain.Minute, CancellationToken.None), "minute angles");
        TrendAssert.Same(
            await sqlite.TimeInStateAsync(query, TrendGrain.Minute, CancellationToken.None),
            await influx.TimeInStateAsync(query, TrendGrain.Minute, CancellationToken.None),
            "minute time in state");
    }

    [Fact]
    public async Task DayBuckets_FollowLocalMidnight_AcrossTheDstChange_AndKeepEverySecond()
    {
        var (sqlite, influx) = await stores.GetAsync(fixture.Server);
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var query = new TrendQuery(TrendSeed.Start, TrendSeed.End, null, berlin);
        foreach (var queries in (ITrendQueries[])[sqlite, influx])
        {
            var days = await queries.TimeInStateAsync(query, TrendGrain.Day, CancellationToken.None);
            var starts = days.Select(d => d.StartUtc).ToList();
            Assert.Contains(new DateTime(2026, 10, 24, 22, 0, 0, DateTimeKind.Utc), starts); // 25 Oct 00:00 CEST
            Assert.Contains(new DateTime(2026, 10, 25, 23, 0, 0, DateTimeKind.Utc), starts); // 26 Oct 00:00 CET
            Assert.Equal(TimeSpan.FromHours(25), starts[starts.IndexOf(new DateTime(2026, 10, 24, 22, 0, 0, DateTimeKind.Utc)) + 1] - new DateTime(2026, 10, 24, 22, 0, 0, DateTimeKind.Utc));

            // Every stored minute lands in exactly one bucket: 60 state-seconds per summary row.
            double stateSeconds = days.Sum(d => d.SecondsNeutral + d.SecondsFlattened + d.SecondsHyperextended + d.SecondsUncalibrated);
            double rows = 2 * (TrendSeed.End - TrendSeed.Start).TotalMinutes / 2;
            Assert.Equal(rows * 60, stateSeconds, 6);
        }
    }

    [Fact]
    public async Task Alerts_Bends_Status_AndDevices_AreTheSame()
    {
        var (sqlite, influx) = await stores.GetAsync(fixture.Server);
        var utc = TimeZoneInfo.Utc;
        foreach (string? device in (string?[])[null, AnnaId])
        {
            var query = new TrendQuery(TrendSeed.Start.AddDays(1), TrendSeed.End.AddDays(-1), device, utc);
            var alerts = await sqlite.AlertsAsync(query, CancellationToken.None);
            Assert.NotEmpty(alerts);
            TrendAssert.Same(alerts, await influx.AlertsAsync(query, CancellationToken.None), "alerts " + device);
            var bends = await sqlite.BendsAsync(query, CancellationToken.None);
            Assert.NotEmpty(bends);
            TrendAssert.Same(bends, await influx.BendsAsync(query, CancellationToken.None), "bends " + device);
            var status = await sqlite.LatestStatusAsync(device, CancellationToken.None);
            Assert.Equal(device is null ? 2 : 1, status.Count);
            Assert.All(status, s => Assert.InRange(s.BatteryMillivolts, 3700, 4200));
            TrendAssert.Same(status, await influx.LatestStatusAsync(device, CancellationToken.None), "status " + device);
        }

        var devices = await sqlite.ListDevicesAsync(CancellationToken.None);
        Assert.Equal(["Anna", "Bärbel belt"], devices.Select(d => d.Name));
        TrendAssert.Same(devices, await influx.ListDevicesAsync(CancellationToken.None), "devices");
    }
}
