using PostureStream.Cli.Simulate;
using PostureStream.Devices.WitMotion;

namespace PostureStream.Cli.Tests.EndToEnd;

/// <summary>
/// <c>run --wearer NAME --lumbar URI --pelvis URI</c>: a wearer of two WitMotion sensors is one device. Its sensors
/// come from <c>simulate --witmotion serial</c> (two timed captures, mounted the reference way so no functional
/// calibration is needed), and its alerts are checked against the simulator's ground truth.
/// </summary>
[Collection(ProcessState.Collection)]
public sealed class WearerRunTests : IDisposable
{
    /// <summary>As the other end-to-end tests against the truth: the grid's latency and the detector's windows fit well inside.</summary>
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(3);

    private readonly string _dir = Directory.CreateTempSubdirectory("posturestream-wearer-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<(string Lumbar, string Pelvis, string Truth)> CapturesAsync()
    {
        string prefix = Path.Combine(_dir, "wearer");
        string truth = Path.Combine(_dir, "truth.jsonl");
        int exit = await Program.Main([
            "simulate", "--scenario", "quick-demo", "--seed", "2", "--witmotion", "serial", "--out", "file:" + prefix, "--truth", truth,
            "--lumbar-mounting", "0,0,0", "--pelvis-mounting", "0,0,0"]);
        Assert.Equal(ExitCodes.Ok, exit);
        return ($"file:{prefix}.lumbar.pstimed", $"file:{prefix}.pelvis.pstimed", truth);
    }

    private async Task<(int Exit, string Alerts)> RunAsync(string lumbar, string pelvis, string label)
    {
        string alerts = Path.Combine(_dir, label + ".jsonl");
        int exit = await Program.Main([
            "run", "--wearer", "W", "--lumbar", lumbar, "--pelvis", pelvis, "--alerts-out", alerts,
            "--data-dir", Path.Combine(_dir, label), "--no-dashboard", "--quiet"]);
        return (exit, File.Exists(alerts) ? await File.ReadAllTextAsync(alerts) : "");
    }

    [Fact]
    public async Task CaptureReplay_AlertsMatchTheTruth_AndRepeatByteForByte()
    {
        (string lumbar, string pelvis, string truthPath) = await CapturesAsync();

        (int exit, string first) = await RunAsync(lumbar, pelvis, "first");
        (int againExit, string again) = await RunAsync(lumbar, pelvis, "again");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal(ExitCodes.Ok, againExit);
        Assert.Equal(first, again);
        TruthFile truth = await TruthFile.ReadAsync(truthPath);
        IReadOnlyList<AlertLine> alerts = await AlertLine.ReadAllAsync(Path.Combine(_dir, "first.jsonl"));
        Assert.All(alerts, a => Assert.Equal("W", a.Device));
        var due = truth.Alerts.Where(a => a.Phase is "raised" or "cleared").ToList();
        Assert.NotEmpty(due);
        Assert.Equal(due.Count, alerts.Count(a => a.Phase is "raised" or "cleared"));
        foreach (DueAlert d in due)
        {
            // The captures stamp the model's time 0 at CaptureStart; the truth counts device µs from its first sample.
            DateTimeOffset dueAt = WitMotionSimulation.CaptureStart + TimeSpan.FromMicroseconds(d.DeviceMicroseconds - truth.FirstMicroseconds);
            Assert.Contains(alerts, a => a.Kind == d.Kind && a.Phase == d.Phase && (a.Time - dueAt).Duration() <= Tolerance);
        }
    }

    /// <summary>
    /// Each sensor link is its own series of the wearer's device: link_stats per segment, and a device_status point of
    /// its segment when its link is lost, restored, or its capture ends (here the lumbar one ends early).
    /// </summary>
    [Fact]
    public async Task CaptureReplay_StoresLinkStatsAndLinkStatusPerSegment()
    {
        (string lumbar, string pelvis, _) = await CapturesAsync();
        (long lumbarEnd, _) = await RewriteAsync(lumbar["file:".Length..], (records, first) => records.TakeWhile(r => r.ArrivalMicroseconds < first + 40_000_000));
        long lost = 0, restored = 0;
        (long pelvisEnd, _) = await RewriteAsync(pelvis["file:".Length..], (records, first) =>
        {
            // Unplugged 25 s in, back 3 s later: what the BLE and serial links record on a loss.
            lost = first + 25_000_000;
            restored = lost + 3_000_000;
            return records.Where(r => r.ArrivalMicroseconds < lost)
                .Append(new WitMotionChunk(lost, WitMotionChunkKind.LinkLost, Array.Empty<byte>()))
                .Append(new WitMotionChunk(restored, WitMotionChunkKind.LinkRestored, Array.Empty<byte>()))
                .Concat(records.Where(r => r.ArrivalMicroseconds >= restored));
        });

        (int exit, _) = await RunAsync(lumbar, pelvis, "links");

        Assert.Equal(ExitCodes.Ok, exit);
        string db = Path.Combine(_dir, "links", "posturestream.db");
        Assert.Equal(1, SqliteQuery.Scalar(db, "SELECT count(DISTINCT device_id) FROM link_stats"));
        Assert.Equal(0, SqliteQuery.Scalar(db, "SELECT count(*) FROM link_stats WHERE segment IS NULL OR device <> 'W' OR transport <> 'file'"));
        Assert.InRange(SqliteQuery.Scalar(db, "SELECT count(*) FROM link_stats WHERE segment = 'lumbar'"), 4, 6);
        Assert.True(SqliteQuery.Scalar(db, "SELECT count(*) FROM link_stats WHERE segment = 'pelvis'") > 6);
        Assert.True(SqliteQuery.Scalar(db, "SELECT sum(samples) FROM link_stats WHERE segment = 'lumbar'") > 0);
        Assert.Equal(1, SqliteQuery.Scalar(db, "SELECT sum(reconnects) FROM link_stats WHERE segment = 'pelvis'"));
        Assert.Equal(0, SqliteQuery.Scalar(db, "SELECT coalesce(sum(reconnects), 0) FROM link_stats WHERE segment = 'lumbar'"));

        // One status point per change of a link, its segment's fault flag only, at the capture's own times.
        Assert.Equal(
            Ns(lumbarEnd),
            SqliteQuery.Scalar(db, "SELECT time_ns FROM device_status WHERE segment = 'lumbar' AND lumbar_fault = 1 AND pelvis_fault IS NULL AND battery_mv IS NULL"));
        Assert.Equal(1, SqliteQuery.Scalar(db, "SELECT count(*) FROM device_status WHERE segment = 'lumbar'"));
        Assert.Equal(3, SqliteQuery.Scalar(db, "SELECT count(*) FROM device_status WHERE segment = 'pelvis' AND lumbar_fault IS NULL"));
        Assert.Equal(Ns(lost), SqliteQuery.Scalar(db, "SELECT time_ns FROM device_status WHERE segment = 'pelvis' AND pelvis_fault = 1 ORDER BY time_ns LIMIT 1"));
        Assert.Equal(Ns(restored), SqliteQuery.Scalar(db, "SELECT time_ns FROM device_status WHERE segment = 'pelvis' AND pelvis_fault = 0"));
        Assert.Equal(Ns(pelvisEnd), SqliteQuery.Scalar(db, "SELECT max(time_ns) FROM device_status WHERE segment = 'pelvis' AND pelvis_fault = 1"));
        Assert.Equal(0, SqliteQuery.Scalar(db, "SELECT count(*) FROM device_status WHERE segment IS NULL"));
    }

    private static long Ns(long microseconds) => microseconds * 1000;

    /// <summary>Rewrites a timed capture through <paramref name="edit"/>; returns the last record's arrival and the first's.</summary>
    private static async Task<(long Last, long First)> RewriteAsync(string path, Func<IReadOnlyList<WitMotionChunk>, long, IEnumerable<WitMotionChunk>> edit)
    {
        var records = new List<WitMotionChunk>();
        WitMotionFraming framing;
        await using (var input = File.OpenRead(path))
        {
            framing = WitMotionCapture.ReadHeader(input, path);
            while (await WitMotionCapture.ReadRecordAsync(input, CancellationToken.None) is { } record)
            {
                records.Add(record);
            }
        }

        var edited = edit(records, records[0].ArrivalMicroseconds).ToList();
        await using (var output = File.Create(path))
        {
            WitMotionCapture.WriteHeader(output, framing);
            foreach (var record in edited)
            {
                WitMotionCapture.WriteRecord(output, record);
            }
        }

        return (edited[^1].ArrivalMicroseconds, records[0].ArrivalMicroseconds);
    }

    [Fact]
    public async Task AStaleAlignment_IsReportedAsASensorThatMoved()
    {
        (string lumbar, string pelvis, _) = await CapturesAsync();
        string data = Path.Combine(_dir, "stale");
        var store = new PostureStream.Signals.Wearers.SensorAlignmentStore(Path.Combine(data, "calibration"));
        store.Save(new PostureStream.Signals.Wearers.SensorAlignmentRecord(
            pelvis["file:".Length..], PostureStream.Signals.Wearers.SensorAlignment.Reference, WitMotionSimulation.CaptureStart, Stale: true));

        (int exit, string errors) = await StandardErrorCapture.RunAsync(() => Program.Main([
            "run", "--wearer", "W", "--lumbar", lumbar, "--pelvis", pelvis, "--data-dir", data, "--no-dashboard", "--quiet"]));

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("warning: W: the pelvis sensor moved since it was calibrated", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("lumbar sensor moved", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--pelvis")]
    [InlineData("--lumbar")]
    public async Task Wearer_WithoutBothSensors_IsAUsageError(string missing)
    {
        string[] sensors = missing == "--pelvis" ? ["--lumbar", "witmotion-serial:/dev/null"] : ["--pelvis", "witmotion-serial:/dev/null"];
        (int exit, string errors) = await StandardErrorCapture.RunAsync(() => Program.Main(["run", "--wearer", "W", .. sensors, "--no-dashboard", "--data-dir", _dir]));

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--wearer W needs both sensors: --lumbar URI --pelvis URI", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SensorOption_WithoutWearer_IsAUsageError()
    {
        (int exit, string errors) = await StandardErrorCapture.RunAsync(() => Program.Main(["run", "--lumbar", "witmotion-serial:/dev/null", "--no-dashboard", "--data-dir", _dir]));

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("give --wearer NAME --lumbar URI --pelvis URI", errors, StringComparison.Ordinal);
    }
}
