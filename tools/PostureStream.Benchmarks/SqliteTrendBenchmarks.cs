using BenchmarkDotNet.Attributes;
using PostureStream.Storage.Points;
using PostureStream.Storage.Sqlite;
using PostureStream.Storage.Trends;
using PostureStream.Vocabulary;
using Activity = PostureStream.Vocabulary.Activity;

namespace PostureStream.Benchmarks;

/// <summary>
/// The trend questions over a SQLite store holding 10 devices × 3 days: per-minute summaries,
/// an alert and a bend every 10 minutes, a status every minute, and one minute of 10 Hz posture per
/// device per day. Each question once per operation, for all devices and for one.
/// Run: <c>dotnet run -c Release --project tools/PostureStream.Benchmarks -- --filter '*SqliteTrend*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class SqliteTrendBenchmarks
{
    private const int DeviceCount = 10;
    private const int Days = 3;
    private static readonly DateTime Start = new(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private string _directory = string.Empty;
    private SqliteTrendQueries _queries = null!;

    [Params(null, "0000000000001003")]
    public string? Device { get; set; }

    private TrendQuery Query => new(Start, Start.AddDays(Days), Device, Berlin);

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "ps-bench-trends-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_directory);
        string path = Path.Combine(_directory, "trends.db");
        var store = SqliteStore.Open(new SqliteStoreOptions { Path = path });
        var devices = Enumerable.Range(0, DeviceCount).Select(i => new DeviceSeries($"wearer {i}", (ulong)(0x1000 + i))).ToArray();
        for (int minute = 0; minute < Days * 24 * 60; minute++)
        {
            var time = Start.AddMinutes(minute);
            foreach (var device in devices)
            {
                store.Write(new PostureSummaryRecord(device, time, 20, 10, 5, 0, 30, 25, 3, 1, 1, 4.5, 1, 9, -2, -6, 3, 600, 0), StorePacing.Wait);
                store.Write(new DeviceStatusRecord(device, time, 3900, 80, 30, false, false, false), StorePacing.Wait);
                if (minute % 10 == 0)
                {
                    store.Write(new PostureAlertRecord(device, time, AlertKind.Flattening, AlertPhase.Raised, time.AddMinutes(-1), 60, -12, Activity.Sitting, true), StorePacing.Wait);
                    store.Write(new PostureBendRecord(device, time, 2.5, 50, 20, 0.7, true), StorePacing.Wait);
                }

                if (minute % (24 * 60) == 0)
                {
                    for (int i = 0; i < 600; i++)
                    {
                        store.Write(new PostureRecord(device, time.AddMilliseconds(i * 100), 1, 2, 3, 4, 5, 6, 7, Activity.Sitting, PostureState.Neutral), StorePacing.Wait);
                    }
                }
            }
        }

        store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _queries = SqliteTrendQueries.Open(path);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    [Benchmark(Description = "devices")]
    public Task<IReadOnlyList<DeviceInfo>> Devices() => _queries.ListDevicesAsync(CancellationToken.None);

    [Benchmark(Description = "angle trend, day buckets")]
    public Task<IReadOnlyList<AngleBucket>> AnglesByDay() => _queries.AngleTrendAsync(Query, TrendGrain.Day, CancellationToken.None);

    [Benchmark(Description = "time in state, hour buckets")]
    public Task<IReadOnlyList<TimeInStateBucket>> TimeInStateByHour() => _queries.TimeInStateAsync(Query, TrendGrain.Hour, CancellationToken.None);

    [Benchmark(Description = "alerts")]
    public Task<IReadOnlyList<AlertRow>> Alerts() => _queries.AlertsAsync(Query, CancellationToken.None);

    [Benchmark(Description = "bends")]
    public Task<IReadOnlyList<BendRow>> Bends() => _queries.BendsAsync(Query, CancellationToken.None);

    [Benchmark(Description = "latest status")]
    public Task<IReadOnlyList<StatusRow>> LatestStatus() => _queries.LatestStatusAsync(Device, CancellationToken.None);
}
