using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using PostureStream.Storage.Points;
using PostureStream.Storage.Sqlite;
using PostureStream.Vocabulary;
using Activity = PostureStream.Vocabulary.Activity;

namespace PostureStream.Benchmarks;

/// <summary>
/// Steady-state <c>posture</c> points into a real <see cref="SqliteStore"/> file: each operation
/// writes 100,000 points (paced <see cref="StorePacing.Wait"/>, as a file replay does) and flushes,
/// after 300,000 warm-up points, from 1 device or 1,000 devices interleaved. Time and allocations
/// per point. The commit thread works beside the writer, so the process's CPU time per point
/// (both threads) is printed after each run as "CPU per point".
/// Run: <c>dotnet run -c Release --project tools/PostureStream.Benchmarks -- --filter '*SqliteStore*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class SqliteStoreBenchmarks
{
    private const int PointsPerInvoke = 100_000;
    private const int WarmUpPoints = 300_000;
    private static readonly DateTime Start = new(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc);

    private readonly List<double> _cpuPerPoint = [];
    private string _directory = string.Empty;
    private SqliteStore _store = null!;
    private DeviceSeries[] _devices = [];
    private long _next;
    private TimeSpan _cpuBefore;

    [Params(1, 1000)]
    public int Devices { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "ps-bench-sqlite-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_directory);
        _store = SqliteStore.Open(new SqliteStoreOptions { Path = Path.Combine(_directory, "bench.db") });
        _devices = Enumerable.Range(0, Devices).Select(i => new DeviceSeries($"wearer {i}", (ulong)(0x1000 + i))).ToArray();
        WritePoints(WarmUpPoints);
        _store.FlushAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_directory, recursive: true);
        _cpuPerPoint.Sort();
        Console.WriteLine($"// CPU per point ({Devices} devices): median {_cpuPerPoint[_cpuPerPoint.Count / 2]:F2} µs over {_cpuPerPoint.Count} iterations (min {_cpuPerPoint[0]:F2}, max {_cpuPerPoint[^1]:F2})");
    }

    [IterationSetup]
    public void BeforeIteration() => _cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;

    [IterationCleanup]
    public void AfterIteration() =>
        _cpuPerPoint.Add((Process.GetCurrentProcess().TotalProcessorTime - _cpuBefore).TotalMicroseconds / PointsPerInvoke);

    [Benchmark(OperationsPerInvoke = PointsPerInvoke, Description = "posture point -> SQLite store (write + commit)")]
    public void WriteAndCommit()
    {
        WritePoints(PointsPerInvoke);
        _store.FlushAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    private void WritePoints(int count)
    {
        var devices = _devices;
        for (int i = 0; i < count; i++, _next++)
        {
            long round = _next / devices.Length;
            int device = (int)(_next % devices.Length);
            // 10 points a second per device; devices a few ms apart, as real ones are.
            var time = Start.AddTicks((round * TimeSpan.TicksPerMillisecond * 100) + (device * 3 * TimeSpan.TicksPerMillisecond / 100));
            double angle = (i % 600) * 0.05;
            _store.Write(new PostureRecord(devices[device], time, angle, -angle, angle + 1, 0.5, angle - 2, angle * 2, -angle / 3, Activity.Sitting, PostureState.Neutral), StorePacing.Wait);
        }
    }
}
