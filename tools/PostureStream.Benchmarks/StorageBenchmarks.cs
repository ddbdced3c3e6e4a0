using BenchmarkDotNet.Attributes;
using PostureStream.Storage.Influx;
using PostureStream.Storage.LineProtocol;
using PostureStream.Storage.Points;
using PostureStream.Storage.Schema;
using PostureStream.Storage.Spool;
using PostureStream.Testing;
using PostureStream.Vocabulary;
using Activity = PostureStream.Vocabulary.Activity;

namespace PostureStream.Benchmarks;

/// <summary>
/// Line-protocol encoding of <c>posture</c> points (per point: time and allocations), spool
/// appends with one fsync per batch, and points/s end to end into a local influxd.
/// Run: <c>dotnet run -c Release --project tools/PostureStream.Benchmarks -- --filter '*Storage*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class StorageEncodeBenchmarks
{
    private const int PointsPerInvoke = 10_000;
    private PostureRecord[] _points = [];
    private LineProtocolBuffer _buffer = null!;
    private LineProtocolWriter _writer = null!;

    /// <summary>Raw angles have two decimals; filtered ones full double precision unless rounded before storage.</summary>
    [Params(2, 4, 17)]
    public int AngleDecimals { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        var devices = Enumerable.Range(0, 100).Select(i => new DeviceSeries($"wearer {i}", (ulong)(0x1000 + i))).ToArray();
        var start = new DateTime(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc);
        double Angle() => AngleDecimals > 15 ? (random.NextDouble() * 60) - 30 : Math.Round((random.NextDouble() * 60) - 30, AngleDecimals);
        _points = Enumerable.Range(0, PointsPerInvoke).Select(i => new PostureRecord(
            devices[i % devices.Length], start.AddMilliseconds(i * 100), Angle(), Angle(), Angle(), Angle(), Angle(), Angle(), Angle(),
            Activity.Sitting, PostureState.Neutral)).ToArray();
        _buffer = new LineProtocolBuffer(4 << 20);
        _writer = new LineProtocolWriter(_buffer, TimestampPrecision.Milliseconds);
    }

    [GlobalCleanup]
    public void Cleanup() => _buffer.Dispose();

    [Benchmark(OperationsPerInvoke = PointsPerInvoke, Description = "posture point -> line protocol")]
    public int EncodePosture()
    {
        _buffer.Clear();
        var points = _points;
        for (int i = 0; i < points.Length; i++)
        {
            _writer.WritePosture(in points[i]);
        }

        return _buffer.Length;
    }
}

/// <summary>Spool appends: one record per batch of 1,000 posture lines, fsync per batch (per line figures).</summary>
[MemoryDiagnoser]
public class StorageSpoolBenchmarks
{
    private const int LinesPerBatch = 1000;
    private string _directory = string.Empty;
    private SegmentSpool _spool = null!;
    private byte[] _batch = [];
    private LineProtocolBuffer _drain = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "ps-bench-spool-" + Guid.NewGuid().ToString("N")[..8]);
        _spool = SegmentSpool.Open(_directory, "precision=ms", 1L << 32, 16L << 20, out _);
        using var buffer = new LineProtocolBuffer();
        var writer = new LineProtocolWriter(buffer, TimestampPrecision.Milliseconds);
        var device = new DeviceSeries("bench", 1);
        for (int i = 0; i < LinesPerBatch; i++)
        {
            writer.WritePosture(new PostureRecord(device, DateTime.UnixEpoch.AddMilliseconds(i), 1.25, -2.5, 10.75, 0.5, 3.25, 12.5, -4.75, Activity.Sitting, PostureState.Neutral));
        }

        _batch = buffer.WrittenSpan.ToArray();
        _drain = new LineProtocolBuffer(4 << 20);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _spool.Dispose();
        _drain.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = LinesPerBatch, Description = "spool append + fsync per 1,000-line batch (per line)")]
    public void AppendAndSync()
    {
        _spool.TryAppend(_batch, LinesPerBatch);
        _spool.Sync();

        // Acknowledge as the sender would, so the spool stays small.
        _drain.Clear();
        if (_spool.TryRead(LinesPerBatch, 1 << 30, _drain, out var read))
        {
            _spool.Acknowledge(read);
        }
    }
}

/// <summary>Points/s through <see cref="InfluxWriter"/> (encode, spool, gzip, HTTP) into a local influxd 1.x (the tests' <see cref="InfluxdServer"/>).</summary>
public class StorageInfluxdBenchmarks
{
    private const int PointsPerInvoke = 50_000;
    private InfluxdServer _influxd = null!;
    private TempDirectory _spool = null!;
    private InfluxWriter _writer = null!;
    private PostureRecord[] _points = [];
    private int _round;

    [GlobalSetup]
    public void Setup()
    {
        _influxd = InfluxdServer.StartNewAsync().GetAwaiter().GetResult();
        _influxd.CreateDatabaseAsync("bench").GetAwaiter().GetResult();
        _spool = new TempDirectory("ps-bench-influxd-spool-");
        var target = InfluxTarget.Parse(_influxd.StoreUri("v1", "bench", "ms"));
        _writer = new InfluxWriter(target, new InfluxWriterOptions { SpoolDirectory = _spool.Path });
        var devices = Enumerable.Range(0, 100).Select(i => new DeviceSeries($"wearer {i}", (ulong)i)).ToArray();
        _points = Enumerable.Range(0, PointsPerInvoke).Select(i => new PostureRecord(
            devices[i % devices.Length], DateTime.UnixEpoch.AddDays(20_000).AddMilliseconds(i), 1.25, -2.5, 10.75, 0.5, 3.25, 12.5, -4.75,
            Activity.Sitting, PostureState.Neutral)).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _influxd.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _spool.Dispose();
    }

    [Benchmark(OperationsPerInvoke = PointsPerInvoke, Description = "posture points into influxd (accepted)")]
    public void WriteAndFlush()
    {
        // New timestamps every round, so influxd stores new points rather than overwriting.
        var offset = TimeSpan.FromMilliseconds(PointsPerInvoke * (long)_round++);
        foreach (var point in _points)
        {
            _writer.Write(point with { TimeUtc = point.TimeUtc + offset });
        }

        _writer.FlushAsync(CancellationToken.None).GetAwaiter().GetResult();
    }
}
