using Microsoft.Extensions.Logging;
using PostureStream.Storage.Influx;
using PostureStream.Storage.Points;
using PostureStream.Storage.Schema;
using PostureStream.Storage.Tests.Fixtures;

namespace PostureStream.Storage.Tests;

/// <summary>The retry rules of the Storage README ("Delivery, retries and the spool") against a loopback server that answers as scripted, in virtual time.</summary>
public sealed class InfluxWriterRetryTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly DeviceSeries Device = new("belt", 0xABCDEF);
    private readonly TempDirectory _dir = new();
    private readonly ManualTimeProvider _time = new();
    private readonly ListLogger _log = new();

    public void Dispose() => _dir.Dispose();

    private InfluxWriter NewWriter(int port, Action<InfluxWriterOptions>? configure = null, string spool = "spool", string? storeUri = null)
    {
        var options = new InfluxWriterOptions
        {
            SpoolDirectory = _dir.Sub(spool),
            InitialRetryDelay = TimeSpan.FromSeconds(1),
            MaxRetryDelay = TimeSpan.FromSeconds(8),
            RequestTimeout = TimeSpan.FromHours(1),
            DrainTimeout = TimeSpan.Zero,
        };
        configure?.Invoke(options);
        var target = InfluxTarget.Parse(storeUri ?? $"influxdb-v2:http://127.0.0.1:{port}/prefix?org=o&bucket=b&token=zq-secret-123&precision=s", _ => null);
        return new InfluxWriter(target, options, _log, _time);
    }

    private static void WritePoints(InfluxWriter writer, int count, int first = 0)
    {
        for (int i = first; i < first + count; i++)
        {
            writer.Write(new PostureBendRecord(Device, DateTime.UnixEpoch.AddSeconds(1_800_000_000 + i), i, 1, 2, 0.5, false));
        }
    }

    private static CancellationToken Deadline() => new CancellationTokenSource(Patience).Token;

    [Fact]
    public async Task Requests_AreGzipped_WithTokenHeader_BucketAndPrecision()
    {
        using var server = new ScriptedHttpServer((_, _) => (204, "", null));
        await using var writer = NewWriter(server.Port);
        WritePoints(writer, 3);
        await writer.FlushAsync(Deadline());
        var request = Assert.Single(server.Requests);
        Assert.Equal("/prefix/api/v2/write?org=o&bucket=b&precision=s", request.PathAndQuery);
        Assert.Equal("Token zq-secret-123", request.Authorization);
        Assert.Equal("gzip", request.ContentEncoding);
        Assert.Equal(3, request.Lines.Length);
        Assert.StartsWith("posture_bend,device=belt,device_id=0000000000abcdef duration_s=0,", request.Lines[0], StringComparison.Ordinal);
        Assert.EndsWith(" 1800000002", request.Lines[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("influxdb-v1:http://127.0.0.1:{0}?db=posture&rp=week&user=ann&password=pw&precision=us", "/write?db=posture&rp=week&precision=u", "Basic YW5uOnB3")]
    [InlineData("influxdb-v3:http://127.0.0.1:{0}/base?db=posture&token=t3&precision=ns", "/base/api/v3/write_lp?db=posture&precision=nanosecond", "Bearer t3")]
    public async Task V1AndV3Requests_HaveTheirPathPrecisionAndAuthorization(string storeUri, string pathAndQuery, string authorization)
    {
        using var server = new ScriptedHttpServer((_, _) => (204, "", null));
        await using var writer = NewWriter(server.Port, storeUri: string.Format(System.Globalization.CultureInfo.InvariantCulture, storeUri, server.Port));
        WritePoints(writer, 2);
        await writer.FlushAsync(Deadline());
        var request = Assert.Single(server.Requests);
        Assert.Equal((pathAndQuery, authorization, "gzip"), (request.PathAndQuery, request.Authorization, request.ContentEncoding));
    }

    [Fact]
    public async Task CompositeStore_WritesEveryPointToEveryTarget()
    {
        using var first = new ScriptedHttpServer((_, _) => (204, "", null));
        using var second = new ScriptedHttpServer((_, _) => (204, "", null));
        await using var stores = new CompositePointStore([NewWriter(first.Port, spool: "a"), NewWriter(second.Port, spool: "b")]);
        for (int i = 0; i < 4; i++)
        {
            Assert.True(stores.Write(new PostureBendRecord(Device, DateTime.UnixEpoch.AddSeconds(i), i, 1, 2, 0.5, false)));
        }

        await stores.FlushAsync(Deadline());
        Assert.Equal(4, first.Requests.Single().Lines.Length);
        Assert.Equal(first.Requests.Single().Body, second.Requests.Single().Body);
    }

    [Fact]
    public async Task PartialBatch_IsSentWhenTheFlushIntervalElapses()
    {
        using var server = new ScriptedHttpServer((_, _) => (204, "", null));
        await using var writer = NewWriter(server.Port);
        var request = server.NextRequestAsync();
        WritePoints(writer, 3);
        Assert.False(request.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(3, (await request.WaitAsync(Patience)).Lines.Length);
    }

    [Fact]
    public async Task FullBatches_AreSealedAtBatchSize_OneRequestEach()
    {
        using var server = new ScriptedHttpServer((_, _) => (204, "", null));
        await using var writer = NewWriter(server.Port, o => o.BatchSize = 10);
        WritePoints(writer, 25);
        await writer.FlushAsync(Deadline());
        Assert.Equal([10, 10, 5], server.Requests.Select(r => r.Lines.Length));
    }

    [Fact]
    public async Task PartialWrite400_IsDeadLetteredWithTheServerMessage_AndNotRetried()
    {
        const string message = "{\"error\":\"partial write: field type conflict: input field \\\"duration_s\\\" is type integer, already exists as type float dropped=1\"}";
        using var server = new ScriptedHttpServer((_, _) => (400, message, null));
        await using var writer = NewWriter(server.Port);
        WritePoints(writer, 4);
        await writer.FlushAsync(Deadline());

        Assert.Single(server.Requests);
        var metrics = writer.Metrics;
        Assert.Equal((4, 0, 0L, 0L), (metrics.LinesDeadLettered, metrics.LinesSent, metrics.Retries, metrics.BacklogLines));
        string deadLetter = await File.ReadAllTextAsync(Path.Combine(_dir.Sub("spool"), "dead-letter.lp"));
        Assert.Contains("HTTP 400: {\"error\":\"partial write: field type conflict", deadLetter, StringComparison.Ordinal);
        Assert.Equal(4, deadLetter.Split('\n').Count(l => l.StartsWith("posture_bend,", StringComparison.Ordinal)));
        Assert.Contains(_log.At(LogLevel.Error), m => m.Contains("HTTP 400", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task RetryAfter_IsHonoured_ThenTheSameBatchIsSentAgain(int status)
    {
        using var server = new ScriptedHttpServer((_, n) => n == 1 ? (status, "slow down", "120") : (204, "", null));
        await using var writer = NewWriter(server.Port);
        WritePoints(writer, 5);
        var flushed = writer.FlushAsync(Deadline());

        var delay = await _time.WaitForOneShotAsync(d => d == TimeSpan.FromSeconds(120));
        Assert.Equal(TimeSpan.FromSeconds(120), writer.Metrics.LastRetryDelay);
        Assert.Single(server.Requests);
        Assert.False(flushed.IsCompleted);

        _time.Advance(delay);
        await flushed;
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(server.Requests.First().Body, server.Requests.Last().Body);
        Assert.Equal(1, writer.Metrics.Retries);
        Assert.Equal(5, writer.Metrics.LinesSent);
    }

    [Fact]
    public async Task ServerErrorsWithoutRetryAfter_BackOffExponentially_WithJitter()
    {
        using var server = new ScriptedHttpServer((_, n) => n <= 3 ? (500, "internal error", null) : (204, "", null));
        await using var writer = NewWriter(server.Port);
        WritePoints(writer, 2);
        var flushed = writer.FlushAsync(Deadline());
        for (int attempt = 0; attempt < 3; attempt++)
        {
            double full = Math.Pow(2, attempt);
            var delay = await _time.WaitForOneShotAsync(d => d.TotalSeconds >= full / 2 && d.TotalSeconds <= full);
            Assert.Equal(attempt + 1, server.Requests.Count);
            _time.Advance(delay);
        }

        await flushed;
        Assert.Equal(4, server.Requests.Count);
        Assert.Equal(3, writer.Metrics.Retries);
    }

    [Fact]
    public async Task RetryAfterAsHttpDate_IsHonoured()
    {
        string date = _time.GetUtcNow().AddSeconds(45).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        using var server = new ScriptedHttpServer((_, n) => n == 1 ? (503, "maintenance", date) : (204, "", null));
        await using var writer = NewWriter(server.Port);
        WritePoints(writer, 1);
        var flushed = writer.FlushAsync(Deadline());
        var delay = await _time.WaitForOneShotAsync(d => d >= TimeSpan.FromSeconds(44) && d <= TimeSpan.FromSeconds(45));
        _time.Advance(delay);
        await flushed;
        Assert.Equal(2, server.Requests.Count);
    }

    [Theory]
    [InlineData(400, "{\"code\":\"invalid\",\"message\":\"unable to parse 'posture_bend,device=belt': missing fields\"}")]
    [InlineData(422, "{\"error\":\"write buffer error: parsing failed for write_lp endpoint\"}")]
    public async Task OtherClientErrors_AreDeadLettered_NotRetried(int status, string message)
    {
        using var server = new ScriptedHttpServer((_, _) => (status, message, null));
        await using var writer = NewWriter(server.Port);
        WritePoints(writer, 3);
        await writer.FlushAsync(Deadline());
        Assert.Single(server.Requests);
        Assert.Equal((3L, 0L), (writer.Metrics.LinesDeadLettered, writer.Metrics.Retries));
        Assert.Contains($"HTTP {status}: {message}", await File.ReadAllTextAsync(Path.Combine(_dir.Sub("spool"), "dead-letter.lp")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status413_SplitsTheBatchUntilItFits_EveryLineOnce_InOrder()
    {
        using var server = new ScriptedHttpServer((request, _) => request.Lines.Length > 2 ? (413, "request too large", null) : (204, "", null));
        await using var writer = NewWriter(server.Port);
        WritePoints(writer, 7);
        await writer.FlushAsync(Deadline());

        var accepted = server.Requests.Where(r => r.Lines.Length <= 2).SelectMany(r => r.Lines).ToList();
        Assert.Equal(7, accepted.Count);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $" {1_800_000_000 + i}"), accepted.Select(l => l[l.LastIndexOf(' ')..]));
        Assert.Equal(0, writer.Metrics.LinesDeadLettered);
    }

    [Fact]
    public async Task StoreDownAtStart_IsAWarning_PointsWaitInTheSpool_ThenAreSent()
    {
        int port = FreePort.Next();
        await using var writer = NewWriter(port);
        WritePoints(writer, 6);
        var flushed = writer.FlushAsync(Deadline());

        await _time.WaitForOneShotAsync(d => d <= TimeSpan.FromSeconds(1));
        Assert.False(writer.Metrics.StoreReachable);
        Assert.Equal(6, writer.Metrics.BacklogLines);
        Assert.Contains(_log.At(LogLevel.Warning), m => m.Contains("not reachable", StringComparison.Ordinal) && m.Contains("6 lines", StringComparison.Ordinal));
        Assert.DoesNotContain(_log.Entries, e => e.Message.Contains("zq-secret-123", StringComparison.Ordinal));

        using var server = new ScriptedHttpServer((_, _) => (204, "", null), port);
        _time.Advance(TimeSpan.FromSeconds(1));
        await flushed;
        Assert.Equal(6, server.Requests.Single().Lines.Length);
        Assert.Equal(0, writer.Metrics.BacklogLines);
        Assert.True(writer.Metrics.StoreReachable);

        // One reachability line a minute at most: "reachable again" follows once the minute since "not reachable" is over.
        Assert.DoesNotContain(_log.At(LogLevel.Warning), m => m.Contains("reachable again", StringComparison.Ordinal));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Contains(_log.At(LogLevel.Warning), m => m.Contains("is reachable again and accepts writes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dispose_LeavesWhatWasNotAccepted_InTheSpool_ForTheNextStart()
    {
        bool accept = false;
        using var server = new ScriptedHttpServer((_, _) => Volatile.Read(ref accept) ? (204, "", null) : (503, "down", null));
        var first = NewWriter(server.Port);
        WritePoints(writer: first, 9);
        await first.PersistAsync(Deadline());
        await _time.WaitForOneShotAsync(d => d <= TimeSpan.FromSeconds(1));
        await first.DisposeAsync();
        Assert.Contains(_log.At(LogLevel.Warning), m => m.Contains("9 lines not yet accepted stay in the spool", StringComparison.Ordinal));

        Volatile.Write(ref accept, true);
        await using var second = NewWriter(server.Port);
        Assert.Equal(9, second.Metrics.BacklogLines);
        await second.FlushAsync(Deadline());
        Assert.Equal(9, server.Requests.Last().Lines.Length);
        Assert.Equal(0, second.Metrics.BacklogLines);
    }

    [Fact]
    public async Task Backlog_IsPublishedAsAMetricsGauge()
    {
        using var server = new ScriptedHttpServer((_, _) => (503, "down", "3600"));
        await using var writer = NewWriter(server.Port);
        WritePoints(writer, 7);
        await writer.PersistAsync(Deadline());

        var seen = new List<long>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "PostureStream.Storage.Influx" && instrument.Name == "posturestream.influx.backlog")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "target" && tag.Value is string t && t.Contains($":{server.Port}/", StringComparison.Ordinal))
                {
                    seen.Add(value);
                }
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();
        Assert.Equal([7L], seen);
    }

    [Fact]
    public async Task FullSpool_RefusesNewPoints_CountsThem_AndWarnsOnce()
    {
        using var server = new ScriptedHttpServer((_, _) => (503, "down", "3600"));
        await using var writer = NewWriter(server.Port, o =>
        {
            o.SegmentBytes = 64 * 1024;
            o.MaxSpoolBytes = 128 * 1024;
            o.BatchSize = 100;
        });
        for (int round = 0; round < 20; round++)
        {
            WritePoints(writer, 100, round * 100);
            await writer.PersistAsync(Deadline());
        }

        var metrics = writer.Metrics;
        Assert.True(metrics.LinesDroppedSpoolFull > 0);
        Assert.Equal(2000, metrics.BacklogLines + metrics.LinesDroppedSpoolFull);
        Assert.Equal(metrics.LinesDroppedSpoolFull, writer.PointsLost);
        Assert.True(metrics.SpoolBytes <= 128 * 1024);
        Assert.Single(_log.At(LogLevel.Warning), m => m.Contains("is full", StringComparison.Ordinal));
    }
}
