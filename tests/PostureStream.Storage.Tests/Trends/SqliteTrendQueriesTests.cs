using PostureStream.Storage.Points;
using PostureStream.Storage.Schema;
using PostureStream.Storage.Sqlite;
using PostureStream.Storage.Trends;

namespace PostureStream.Storage.Tests.Trends;

/// <summary>Trend answers worked out by hand on a few minutes (the equivalence tests then hold InfluxDB to the same).</summary>
public sealed class SqliteTrendQueriesTests : IDisposable
{
    private static readonly DateTime T0 = new(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);
    private readonly TempDirectory _dir = new("ps-trend-");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task AngleMean_IsWeightedBySamples_SkipsMinutesWithoutAMean_AndExtremesSpanTheMinutes()
    {
        var device = new DeviceSeries("belt", 1);
        await WriteAsync(
            Minute(device, T0, mean: 1, min: -4, max: 2, samples: 100),
            Minute(device, T0.AddMinutes(1), mean: 3, min: 0, max: 9, samples: 300),
            Minute(device, T0.AddMinutes(2), mean: double.NaN, min: double.NaN, max: double.NaN, samples: 50));

        var queries = SqliteTrendQueries.Open(_dir.Sub("s.db"));
        var bucket = Assert.Single(await queries.AngleTrendAsync(new TrendQuery(T0, T0.AddHours(1), null, TimeZoneInfo.Utc), TrendGrain.Hour, CancellationToken.None));
        Assert.Equal(T0, bucket.StartUtc);
        Assert.Equal(2.5, bucket.MeanPelvicTilt, 12);
        Assert.Equal(-4, bucket.MinPelvicTilt);
        Assert.Equal(9, bucket.MaxPelvicTilt);
        Assert.Equal(450, bucket.Samples);
    }

    [Fact]
    public async Task TimeInState_SumsSecondsPerLocalHour_ForOneDeviceOrAll()
    {
        var anna = new DeviceSeries("Anna", 1);
        var bob = new DeviceSeries("Bob", 2);
        await WriteAsync(
            Minute(anna, T0, 1, 0, 2, 10),
            Minute(anna, T0.AddMinutes(59), 1, 0, 2, 10),
            Minute(anna, T0.AddMinutes(60), 1, 0, 2, 10),
            Minute(bob, T0, 1, 0, 2, 10));

        var queries = SqliteTrendQueries.Open(_dir.Sub("s.db"));
        var india = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
        var all = await queries.TimeInStateAsync(new TrendQuery(T0, T0.AddHours(2), null, india), TrendGrain.Hour, CancellationToken.None);

        // 10:00 UTC is 15:30 in India: local hours start at hh:30 UTC.
        Assert.Equal([T0.AddMinutes(-30), T0.AddMinutes(30)], all.Select(b => b.StartUtc));
        Assert.Equal([60.0, 60.0], all.Select(b => b.SecondsNeutral));
        var annaOnly = await queries.TimeInStateAsync(new TrendQuery(T0, T0.AddHours(2), anna.DeviceIdHex, india), TrendGrain.Hour, CancellationToken.None);
        Assert.Equal([30.0, 60.0], annaOnly.Select(b => b.SecondsNeutral));
        Assert.Equal([45.0, 90.0], annaOnly.Select(b => b.SecondsSitting));
    }

    [Fact]
    public async Task BadQueries_Throw_NamingTheBadValue()
    {
        await WriteAsync(Minute(new DeviceSeries("belt", 1), T0, 1, 0, 2, 10));
        var queries = SqliteTrendQueries.Open(_dir.Sub("s.db"));
        var error = await Assert.ThrowsAsync<ArgumentException>(() => queries.AlertsAsync(new TrendQuery(T0, T0, null, TimeZoneInfo.Utc), CancellationToken.None));
        Assert.Contains("must end after it starts", error.Message, StringComparison.Ordinal);
        error = await Assert.ThrowsAsync<ArgumentException>(() => queries.LatestStatusAsync("BELT", CancellationToken.None));
        Assert.Contains("'BELT'", error.Message, StringComparison.Ordinal);
        Assert.Throws<FileNotFoundException>(() => SqliteTrendQueries.Open(_dir.Sub("missing.db")));
    }

    private static PostureSummaryRecord Minute(DeviceSeries device, DateTime time, double mean, double min, double max, long samples) =>
        new(device, time, 30, 20, 10, 0, 15, 45, 0, 0, 0, mean, min, max, mean, min, max, samples, 0);

    private async Task WriteAsync(params PostureSummaryRecord[] minutes)
    {
        await using var store = SqliteStore.Open(new SqliteStoreOptions { Path = _dir.Sub("s.db") });
        foreach (var minute in minutes)
        {
            store.Write(minute);
        }
    }
}
