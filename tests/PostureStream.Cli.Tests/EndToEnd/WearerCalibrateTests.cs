using PostureStream.Cli.Simulate;
using PostureStream.Signals;
using PostureStream.Signals.Wearers;

namespace PostureStream.Cli.Tests.EndToEnd;

/// <summary>
/// <c>calibrate --wearer NAME --lumbar URI --pelvis URI</c> on timed captures of a simulated wearer whose sensors are
/// stuck on rotated: the guided steps, the alignment files that <c>run</c> then uses, a retry when the wearer does not
/// bend, and bad input. Captures replay in arrival order, so every run of these tests sees the same grid.
/// </summary>
[Collection(ProcessState.Collection)]
public sealed class WearerCalibrateTests : IDisposable
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(3);

    private readonly string _dir = Directory.CreateTempSubdirectory("posturestream-wcal-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Data(string label) => Path.Combine(_dir, label);

    private static async Task<(int Exit, ConsoleText Console)> CalibrateAsync(string data, string lumbar, string pelvis)
    {
        using var console = new ConsoleCapture();
        int exit = await Program.Main(["calibrate", "--wearer", "W", "--lumbar", lumbar, "--pelvis", pelvis, "--data-dir", data]);
        return (exit, new ConsoleText(console.Out, console.Error));
    }

    private static async Task<IReadOnlyList<AlertLine>> RunAsync(string data, WearerCaptures captures)
    {
        string alerts = data + ".alerts.jsonl";
        int exit = await Program.Main([
            "run", "--wearer", "W", "--lumbar", captures.Lumbar, "--pelvis", captures.Pelvis, "--alerts-out", alerts,
            "--data-dir", data, "--no-dashboard", "--quiet"]);
        Assert.Equal(ExitCodes.Ok, exit);
        return File.Exists(alerts) ? await AlertLine.ReadAllAsync(alerts) : [];
    }

    [Fact]
    public async Task CalibrateWearer_OnTheRoutine_SavesBothAlignmentsAndTheNeutral_ThatRunThenUses()
    {
        WearerCaptures captures = await WearerCaptures.WriteAsync(_dir, "day", WearerCaptures.Routine + """
            , { "kind": "walking", "seconds": 15 }, { "kind": "standing", "seconds": 10 }, { "kind": "sitting", "seconds": 20 },
            { "kind": "slumped-sitting", "seconds": 90 }, { "kind": "sitting", "seconds": 20 }
            """, WearerCaptures.Rotated());

        (int exit, ConsoleText console) = await CalibrateAsync(Data("calibrated"), captures.Lumbar, captures.Pelvis);

        Assert.True(exit == ExitCodes.Ok, console.Out + console.Error);
        string[] lines = console.Out.Split('\n', StringSplitOptions.TrimEntries);
        int stand = Array.IndexOf(lines, "Step 1 of 2. Stand still, relaxed, looking ahead: 5 s…");
        int bend = Array.IndexOf(lines, "Step 2 of 2. Now bend forward slowly as far as comfortable and come back up.");
        int done = Array.IndexOf(lines, "Done: both sensors are aligned and saved.");
        Assert.True(stand >= 0 && stand < bend && bend < done, console.Out);
        Assert.Contains("4 of 5 s…", console.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("did not work", console.Out, StringComparison.Ordinal);

        var alignments = new SensorAlignmentStore(Path.Combine(Data("calibrated"), "calibration"));
        SensorAlignmentRecord lumbar = alignments.Load(captures.Lumbar["file:".Length..])!;
        SensorAlignmentRecord pelvis = alignments.Load(captures.Pelvis["file:".Length..])!;
        Assert.False(lumbar.Stale || pelvis.Stale);
        // The lumbar sensor is turned 90° on the skin: the wearer's left is no longer its Y axis, as the reference assumes.
        Assert.True(Vector3D.AngleDegrees(lumbar.Alignment.Mediolateral, Vector3D.UnitY) > 60, $"{lumbar.Alignment.Mediolateral}");
        ulong wearerId = WearerIdentity.DeviceId(captures.Lumbar["file:".Length..], captures.Pelvis["file:".Length..]);
        CalibrationRecord neutral = new JsonFileCalibrationStore(Path.Combine(Data("calibrated"), "calibration")).Load(wearerId)!;
        Assert.Equal(new SensorAngles(0, 0, 0, 0), neutral.Standing!.Angles);

        // Run then reads the slump as the truth has it; without the calibration, the rotated sensors tell another story.
        IReadOnlyList<AlertLine> alerts = await RunAsync(Data("calibrated"), captures);
        IReadOnlyList<AlertLine> uncalibrated = await RunAsync(Data("uncalibrated"), captures);
        TruthFile truth = await TruthFile.ReadAsync(captures.Truth);
        var due = truth.Alerts.Where(a => a.Phase is "raised" or "cleared").ToList();
        Assert.Equal(["flattening", "flattening"], due.Select(d => d.Kind));
        Assert.Equal(due.Count, alerts.Count(a => a.Phase is "raised" or "cleared"));
        foreach (DueAlert d in due)
        {
            DateTimeOffset dueAt = WitMotionSimulation.CaptureStart + TimeSpan.FromMicroseconds(d.DeviceMicroseconds - truth.FirstMicroseconds);
            Assert.Contains(alerts, a => a.Kind == d.Kind && a.Phase == d.Phase && (a.Time - dueAt).Duration() <= Tolerance);
        }

        Assert.NotEqual(
            alerts.Select(a => (a.Kind, a.Phase)),
            uncalibrated.Select(a => (a.Kind, a.Phase)));
    }

    [Fact]
    public async Task CalibrateWearer_WhoNeverBends_IsToldWhyAndRetried_ThenFailsWithoutSavingAnything()
    {
        WearerCaptures captures = await WearerCaptures.WriteAsync(_dir, "still", """{ "kind": "standing", "seconds": 50 }""", WearerCaptures.Rotated());

        (int exit, ConsoleText console) = await CalibrateAsync(Data("still"), captures.Lumbar, captures.Pelvis);

        Assert.Equal(ExitCodes.RuntimeFailure, exit);
        Assert.Contains("That did not work: no forward bend came within 30 s; bend forward slowly as far as is comfortable, then come back up.", console.Out, StringComparison.Ordinal);
        Assert.Contains("Let's try again (attempt 2 of 3).", console.Out, StringComparison.Ordinal);
        Assert.Contains("posturestream calibrate: the sensors' data ended before the calibration was done; nothing was saved", console.Error, StringComparison.Ordinal);
        string calibration = Path.Combine(Data("still"), "calibration");
        Assert.Empty(Directory.Exists(calibration) ? Directory.GetFiles(calibration, "*.json") : []);
    }

    [Fact]
    public async Task CalibrateWearer_WithABadSource_NamesItAndWhatIsValid()
    {
        (int exit, ConsoleText console) = await CalibrateAsync(Data("bad"), "witmotion-usb:/dev/ttyUSB0", "witmotion-serial:/dev/ttyUSB1");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("'witmotion-usb:/dev/ttyUSB0' is no WitMotion source; use witmotion-serial:PATH", console.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalibrateWearer_WithAMissingCapture_NamesTheFile()
    {
        string missing = Path.Combine(_dir, "nowhere.pstimed");

        (int exit, ConsoleText console) = await CalibrateAsync(Data("missing"), "file:" + missing, "file:" + missing);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains($"timed capture '{missing}' does not exist", console.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--source", "sim:quick-demo", "give one or the other")]
    [InlineData("--sitting", null, "dashboard's Calibrate sitting")]
    public async Task CalibrateWearer_WithAPspOption_IsAUsageError(string option, string? value, string hint)
    {
        using var console = new ConsoleCapture();
        string[] extra = value is null ? [option] : [option, value];
        int exit = await Program.Main(["calibrate", "--wearer", "W", "--lumbar", "witmotion-serial:/dev/null", "--pelvis", "witmotion-serial:/dev/null", "--data-dir", Data("x"), .. extra]);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(hint, console.Error, StringComparison.Ordinal);
    }

    private sealed record ConsoleText(string Out, string Error);
}
