using Microsoft.Extensions.Logging;
using PostureStream.Storage.Influx;
using PostureStream.Storage.Points;
using PostureStream.Storage.Tests.Fixtures;

namespace PostureStream.Storage.Tests;

/// <summary>
/// Nothing blocks the writer and nothing is lost: a poison batch is quarantined, a store-wide
/// failure keeps everything in the spool, 401/403/404 name the setting to fix and keep the data,
/// the dead-letter and quarantine files are bounded, warnings are rate-limited with counts.
/// Against a loopback server that answers as scripted, in virtual time.
/// </summary>
public sealed class InfluxWriterBlockingTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(8);
    private static readonly DeviceSeries Device = new("belt", 0xABCDEF);
    private readonly TempDirectory _dir = new();
    private readonly ManualTimeProvider _time = new();
    private readonly ListLogger _log = new();

    public void Dispose() => _dir.Dispose();

    private string SpoolPath(string file) => Path.Combine(_dir.Sub("spool"), file);

    private InfluxWriter NewWriter(int port, Action<InfluxWriterOptions>? configure = null, string? storeUri = null)
    {
        var options = new InfluxWriterOptions
        {
            SpoolDirectory = _dir.Sub("spool"),
            BatchSize = 5,
            InitialRetryDelay = TimeSpan.FromSeconds(1),
            MaxRetryDelay = MaxRetryDelay,
            RequestTimeout = TimeSpan.FromHours(1),
            DrainTimeout = TimeSpan.Zero,
            QuarantineAfterFailures = 3,
        };
        configure?.Invoke(options);
        var target = InfluxTarget.Parse(storeUri ?? $"influxdb-v2:http://127.0.0.1:{port}?org=o&bucket=b&token=zq-secret-123&precision=s", _ => null);
        return new InfluxWriter(target, options, _log, _time);
    }

    /// <summary>Writes points 0.. in batches of 5 (one spool record each) and waits until they are durable.</summary>
    private static async Task WritePointsAsync(InfluxWriter writer, int count)
    {
        for (int i = 0; i < count; i++)
        {
            writer.Write(new PostureBendRecord(Device, DateTime.UnixEpoch.AddSeconds(Stamp(i)), i, 1, 2, 0.5, false));
        }

        await writer.PersistAsync(new CancellationTokenSource(Patience).Token);
    }

    private static long Stamp(int index) => 1_800_000_000 + index;

    private static int IndexOf(string line) => (int)(long.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture) - Stamp(0));

    private static bool Has(string body, int index) => body.Contains($" {Stamp(index)}\n", StringComparison.Ordinal) || body.EndsWith($" {Stamp(index)}", StringComparison.Ordinal);

    /// <summary>
    /// Moves virtual time from one timer to the next (retry delays, the rate limiter's minute) until
    /// <paramref name="done"/> holds once the writer waits again, or <paramref name="finished"/> completes.
    /// </summary>
    private async Task DriveUntilAsync(Func<bool> done, Task? finished = null)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (true)
        {
            // Request timeouts (1 h here) are never jumped to.
            var timer = _time.WaitForOneShotAsync(d => d <= TimeSpan.FromMinutes(1));
            if (finished is not null && await Task.WhenAny(timer, finished).WaitAsync(deadline.Token) == finished)
            {
                return;
            }

            var due = await timer.WaitAsync(deadline.Token);
            if (done())
            {
                return;
            }

            _time.Advance(due);
        }
    }

    private async Task DriveAsync(Task task)
    {
        await DriveUntilAsync(() => task.IsCompleted, task);
        await task;
    }

    private static List<int> AcceptedIndexes(ScriptedHttpServer server, Func<RecordedRequest, bool> accepted) =>
        server.Requests.Where(accepted).SelectMany(r => r.Lines).Select(IndexOf).ToList();

    [Fact]
    public async Task PoisonBatch_AmongGoodOnes_IsQuarantined_EveryGoodPointArrives_AndTheMessageNamesIt()
    {
        // Point 13 always gets a 500 (in whatever request it is); everything else is stored.
        static bool Poisoned(RecordedRequest r) => Has(r.Body, 13);
        using var server = new ScriptedHttpServer((r, _) => Poisoned(r) ? (500, "internal error: panic in the write path", null) : (204, "", null));
        await using var writer = NewWriter(server.Port);
        await WritePointsAsync(writer, 20);
        await DriveAsync(writer.FlushAsync(new CancellationTokenSource(Patience).Token));

        Assert.Equal(Enumerable.Range(0, 20).Where(i => i != 13), AcceptedIndexes(server, r => !Poisoned(r)).Distinct().Order());
        var metrics = writer.Metrics;
        Assert.Equal((1L, 0L, 0L), (metrics.LinesQuarantined, metrics.LinesDeadLettered, metrics.BacklogLines));

        string[] quarantine = await File.ReadAllLinesAsync(SpoolPath("quarantine.lp"));
        Assert.Equal(2, quarantine.Length);
        Assert.Contains("HTTP 500: internal error: panic in the write path (3 failures while later batches were accepted)", quarantine[0], StringComparison.Ordinal);
        Assert.Equal(13, IndexOf(quarantine[1]));
        Assert.False(File.Exists(SpoolPath("dead-letter.lp")));

        string error = Assert.Single(_log.At(LogLevel.Error));
        Assert.Contains("HTTP 500: internal error: panic in the write path", error, StringComparison.Ordinal);
        Assert.Contains(SpoolPath("quarantine.lp"), error, StringComparison.Ordinal);
        Assert.Contains("while later points were accepted", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreWide503_ForAWhile_ThenAccepting_QuarantinesNothing_EverythingArrivesInOrder()
    {
        bool up = false;
        using var server = new ScriptedHttpServer((_, _) => Volatile.Read(ref up) ? (204, "", null) : (503, "no healthy upstream", null));
        await using var writer = NewWriter(server.Port);
        await WritePointsAsync(writer, 20);
        var flushed = writer.FlushAsync(new CancellationTokenSource(Patience).Token);

        // Three rounds of 3 failures, each followed by probing the 3 later batches: 18 requests, all 503.
        await DriveUntilAsync(() => server.Requests.Count >= 18);
        Assert.Equal(20, writer.Metrics.BacklogLines);
        Assert.Contains(_log.At(LogLevel.Warning), m => m.Contains("is not reachable (HTTP 503: no healthy upstream)", StringComparison.Ordinal));

        Volatile.Write(ref up, true);
        int failed = server.Requests.Count;
        await DriveAsync(flushed);

        Assert.Equal(Enumerable.Range(0, 20), server.Requests.Skip(failed).SelectMany(r => r.Lines).Select(IndexOf));
        Assert.Equal((0L, 0L, 20L), (writer.Metrics.LinesQuarantined, writer.Metrics.BacklogLines, writer.Metrics.LinesSent));
        Assert.False(File.Exists(SpoolPath("quarantine.lp")));
        Assert.Empty(_log.At(LogLevel.Error));
    }

    [Fact]
    public async Task Unauthorized_NamesTheToken_DeadLettersNothing_AndDataFlowsOnceFixed_WithoutRestart()
    {
        bool fixedToken = false;
        using var server = new ScriptedHttpServer((_, _) => Volatile.Read(ref fixedToken) ? (204, "", null) : (401, "{\"code\":\"unauthorized\",\"message\":\"unauthorized access\"}", null));
        await using var writer = NewWriter(server.Port);
        await WritePointsAsync(writer, 3);
        var flushed = writer.FlushAsync(new CancellationTokenSource(Patience).Token);

        // Retried slowly: at the longest backoff, with no jitter.
        var delay = await _time.WaitForOneShotAsync(d => d == MaxRetryDelay);
        string error = Assert.Single(_log.At(LogLevel.Error));
        Assert.Contains("HTTP 401", error, StringComparison.Ordinal);
        Assert.Contains("the token is wrong or revoked: fix token= in the store URI or POSTURESTREAM_INFLUX_TOKEN", error, StringComparison.Ordinal);
        Assert.Contains("Nothing is dead-lettered: 3 lines wait in the spool", error, StringComparison.Ordinal);
        Assert.DoesNotContain("zq-secret-123", error, StringComparison.Ordinal);
        Assert.False(File.Exists(SpoolPath("dead-letter.lp")));
        Assert.Equal((3L, 0L), (writer.Metrics.BacklogLines, writer.Metrics.LinesDeadLettered));

        // Still refused a minute later: said again (at most once a minute).
        for (int i = 0; i < 8; i++)
        {
            _time.Advance(delay);
            delay = await _time.WaitForOneShotAsync(d => d == MaxRetryDelay);
        }

        Assert.Equal(2, _log.At(LogLevel.Error).Count());
        Assert.Equal(3, writer.Metrics.BacklogLines);

        Volatile.Write(ref fixedToken, true);
        _time.Advance(delay);
        await flushed.WaitAsync(Patience);
        Assert.Equal(3, server.Requests.Last().Lines.Length);
        Assert.Equal((0L, 3L, 0L), (writer.Metrics.BacklogLines, writer.Metrics.LinesSent, writer.Metrics.LinesDeadLettered));
        Assert.Contains(_log.At(LogLevel.Warning), m => m.Contains("is reachable again and accepts writes", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("influxdb-v2:http://127.0.0.1:{0}?org=o&bucket=posture&token=t", "{\"code\":\"not found\",\"message\":\"bucket \\\"posture\\\" not found\"}",
        "the bucket 'posture' does not exist in the org 'o': create it or fix bucket= in the store URI, or the URL path /api/v2/write is wrong")]
    [InlineData("influxdb-v2:http://127.0.0.1:{0}?org=acme&bucket=posture&token=t", "{\"code\":\"not found\",\"message\":\"organization name \\\"acme\\\" not found\"}",
        "the org 'acme' does not exist: fix org= in the store URI")]
    [InlineData("influxdb-v1:http://127.0.0.1:{0}?db=posture", "{\"error\":\"database not found: \\\"posture\\\"\"}",
        "the database 'posture' does not exist: create it or fix db= in the store URI")]
    [InlineData("influxdb-v3:http://127.0.0.1:{0}/influx?db=posture&token=t", "database not found",
        "the database 'posture' does not exist: create it or fix db= in the store URI, or the URL path /influx/api/v3/write_lp is wrong")]
    public async Task NotFound_NamesTheSettingToFix_AndKeepsTheData(string storeUri, string message, string hint)
    {
        using var server = new ScriptedHttpServer((_, _) => (404, message, null));
        await using var writer = NewWriter(server.Port, storeUri: string.Format(System.Globalization.CultureInfo.InvariantCulture, storeUri, server.Port));
        await WritePointsAsync(writer, 2);
        await _time.WaitForOneShotAsync(d => d == MaxRetryDelay);

        string error = Assert.Single(_log.At(LogLevel.Error));
        Assert.Contains($"HTTP 404: {message}; {hint}", error, StringComparison.Ordinal);
        Assert.Equal((2L, 0L), (writer.Metrics.BacklogLines, writer.Metrics.LinesDeadLettered));
        Assert.False(File.Exists(SpoolPath("dead-letter.lp")));
    }

    [Fact]
    public async Task Forbidden_NamesThePermissionToGrant()
    {
        using var server = new ScriptedHttpServer((_, _) => (403, "{\"error\":\"\\\"ann\\\" user is not authorized to write to database \\\"posture\\\"\"}", null));
        await using var writer = NewWriter(server.Port, storeUri: $"influxdb-v1:http://127.0.0.1:{server.Port}?db=posture&user=ann&password=pw");
        await WritePointsAsync(writer, 1);
        await _time.WaitForOneShotAsync(d => d == MaxRetryDelay);
        Assert.Contains("the user 'ann' may not write to the database 'posture': grant it WRITE, or fix user= or db=", Assert.Single(_log.At(LogLevel.Error)), StringComparison.Ordinal);
        Assert.Equal(1, writer.Metrics.BacklogLines);
    }

    [Fact]
    public async Task FullDeadLetterFile_KeepsTheRejectedBatchInTheSpool_SaysSo_AndGoesOnOnceTheFileIsMovedAway()
    {
        using var server = new ScriptedHttpServer((_, _) => (400, "{\"error\":\"partial write: field type conflict dropped=5\"}", null));
        await using var writer = NewWriter(server.Port, o => o.MaxDeadLetterBytes = 1200);
        await WritePointsAsync(writer, 10);
        var flushed = writer.FlushAsync(new CancellationTokenSource(Patience).Token);

        await _time.WaitForOneShotAsync(d => d == MaxRetryDelay);
        string deadLetter = SpoolPath("dead-letter.lp");
        Assert.Equal(Enumerable.Range(0, 5), File.ReadAllLines(deadLetter).Where(l => !l.StartsWith('#')).Select(IndexOf));
        Assert.Equal((5L, 5L), (writer.Metrics.LinesDeadLettered, writer.Metrics.BacklogLines));
        string full = Assert.Single(_log.At(LogLevel.Error), m => m.Contains("is full", StringComparison.Ordinal));
        Assert.Contains($"the dead-letter file {deadLetter} is full (", full, StringComparison.Ordinal);
        Assert.Contains("of 1200 bytes): a batch of 5 lines (HTTP 400: {\"error\":\"partial write", full, StringComparison.Ordinal);
        Assert.Contains("stays in the spool", full, StringComparison.Ordinal);
        Assert.Contains("MaxDeadLetterBytes", full, StringComparison.Ordinal);
        Assert.False(flushed.IsCompleted);

        File.Move(deadLetter, deadLetter + ".seen");
        await DriveAsync(flushed);
        Assert.Equal(Enumerable.Range(5, 5), File.ReadAllLines(deadLetter).Where(l => !l.StartsWith('#')).Select(IndexOf));
        Assert.Equal((10L, 0L), (writer.Metrics.LinesDeadLettered, writer.Metrics.BacklogLines));
    }

    [Fact]
    public async Task FullQuarantineFile_KeepsThePoisonLineInTheSpool_AndSaysSo()
    {
        using var server = new ScriptedHttpServer((r, _) => Has(r.Body, 2) ? (500, "internal error", null) : (204, "", null));
        await using var writer = NewWriter(server.Port, o => o.MaxQuarantineBytes = 10);
        await WritePointsAsync(writer, 10);
        await DriveUntilAsync(() => _log.At(LogLevel.Error).Any());

        string full = Assert.Single(_log.At(LogLevel.Error));
        Assert.Contains($"the quarantine file {SpoolPath("quarantine.lp")} is full (0 of 10 bytes): a line (HTTP 500: internal error", full, StringComparison.Ordinal);
        Assert.Contains("MaxQuarantineBytes", full, StringComparison.Ordinal);
        Assert.False(File.Exists(SpoolPath("quarantine.lp")));
        Assert.Equal(0, writer.Metrics.LinesQuarantined);
        // The lines before the poison one were delivered; the oldest batch stays in the spool (acknowledged in order).
        Assert.Equal((2L, 10L), (writer.Metrics.LinesSent, writer.Metrics.BacklogLines));
    }

    [Fact]
    public async Task RepeatedWarnings_AreShownOncePerMinute_ThenTheLatestWithTheCountOfTheOthers()
    {
        using var server = new ScriptedHttpServer((_, n) => (400, $"bad line in request {n}", null));
        var writer = NewWriter(server.Port, o => o.BatchSize = 1);
        await WritePointsAsync(writer, 5);
        await writer.FlushAsync(new CancellationTokenSource(Patience).Token);

        Assert.Equal(5, writer.Metrics.LinesDeadLettered);
        Assert.Contains("bad line in request 1;", Assert.Single(_log.At(LogLevel.Error)), StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromMinutes(1));
        var errors = _log.At(LogLevel.Error).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Contains("bad line in request 5;", errors[1], StringComparison.Ordinal);
        Assert.EndsWith("(and 3 more like this in the last minute)", errors[1], StringComparison.Ordinal);

        // Held back at dispose: shown then, never dropped.
        await WritePointsAsync(writer, 1);
        await writer.FlushAsync(new CancellationTokenSource(Patience).Token);
        Assert.Equal(2, _log.At(LogLevel.Error).Count());
        await writer.DisposeAsync();
        Assert.Equal(3, _log.At(LogLevel.Error).Count());
        Assert.Contains("bad line in request 6;", _log.At(LogLevel.Error).Last(), StringComparison.Ordinal);
        Assert.DoesNotContain("more like this", _log.At(LogLevel.Error).Last(), StringComparison.Ordinal);
    }
}
