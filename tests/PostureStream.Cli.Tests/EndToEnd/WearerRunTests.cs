using PostureStream.Cli.Simulate;

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
