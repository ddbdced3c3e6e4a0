using PostureStream.Signals;

namespace PostureStream.Cli.Tests;

/// <summary>
/// <c>calibrate</c> (DESIGN §5) against the in-process simulator: a scenario file holds a wearer still, the
/// command takes the median of 5 quiet seconds and stores it where <c>run</c> reads it.
/// </summary>
[Collection(ProcessState.Collection)]
public sealed class CalibrateCommandTests : IDisposable
{
    private const ulong DeviceId = 0x00000000cafe0001;

    // Standing: pelvis 12°, lordosis 24°, so lumbar −12°. Sitting rotates the pelvis 17° back and drops lordosis 12°: pelvis −5°, lumbar −17°.
    private const string Wearer = """ "wearer": { "standingPelvisPitch": 12, "standingLordosis": 24, "sittingPelvisRotation": 17, "sittingLordosisDrop": 12 } """;
    private const string Device = """ "device": { "deviceId": "00000000cafe0001", "name": "still", "dropoutRate": 0 } """;

    private readonly string _dir = Directory.CreateTempSubdirectory("posturestream-calibrate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string DataDirectory => Path.Combine(_dir, "data");

    private async Task<string> ScenarioAsync(string kind)
    {
        string path = Path.Combine(_dir, kind + ".json");
        await File.WriteAllTextAsync(path, $$"""{ "name": "still-{{kind}}", {{Wearer}}, {{Device}}, "segments": [ { "kind": "{{kind}}", "seconds": 15 } ] }""");
        return path;
    }

    private async Task<(int Exit, ConsoleText Console)> CalibrateAsync(string scenarioKind, params string[] extra)
    {
        string source = $"sim:{await ScenarioAsync(scenarioKind)}?speed=max";
        using var console = new ConsoleCapture();
        int exit = await Program.Main(["calibrate", "--source", source, "--data-dir", DataDirectory, "--timeout", "60", .. extra]);
        return (exit, new ConsoleText(console.Out, console.Error));
    }

    private CalibrationRecord Stored()
    {
        var store = new JsonFileCalibrationStore(Path.Combine(DataDirectory, "calibration"));
        Assert.True(File.Exists(store.PathFor(DeviceId)), $"no calibration file at {store.PathFor(DeviceId)}");
        CalibrationRecord? record = store.Load(DeviceId);
        Assert.NotNull(record);
        return record;
    }

    [Fact]
    public async Task Calibrate_StandingStill_StoresTheStandingNeutralForTheDevice()
    {
        (int exit, ConsoleText console) = await CalibrateAsync("standing");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("neutral stored for device 00000000cafe0001", console.Out, StringComparison.Ordinal);
        CalibrationRecord record = Stored();
        Assert.NotNull(record.Standing);
        Assert.Null(record.Sitting);
        Assert.Equal(CalibrationSource.Command, record.Standing.Source);
        Assert.Equal(12, record.Standing.Angles.PelvisPitchDegrees, 1.0);
        Assert.Equal(-12, record.Standing.Angles.LumbarPitchDegrees, 1.0);
    }

    [Fact]
    public async Task CalibrateSitting_AfterStanding_AddsTheSittingNeutralAndKeepsTheStandingOne()
    {
        (int standingExit, _) = await CalibrateAsync("standing");
        Neutral standing = Stored().Standing!;

        (int sittingExit, ConsoleText console) = await CalibrateAsync("sitting", "--sitting");

        Assert.Equal([ExitCodes.Ok, ExitCodes.Ok], new[] { standingExit, sittingExit });
        Assert.Contains("Sitting neutral stored", console.Out, StringComparison.Ordinal);
        CalibrationRecord record = Stored();
        Assert.Equal(standing, record.Standing);
        Assert.NotNull(record.Sitting);
        Assert.Equal(-5, record.Sitting.Angles.PelvisPitchDegrees, 1.0);
        Assert.Equal(-17, record.Sitting.Angles.LumbarPitchDegrees, 1.0);
    }

    [Fact]
    public async Task Calibrate_WearerNeverStill_StoresNothingAndExitsWithFailure()
    {
        (int exit, ConsoleText console) = await CalibrateAsync("walking");

        Assert.Equal(ExitCodes.RuntimeFailure, exit);
        Assert.Contains("no 5 quiet seconds", console.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(new JsonFileCalibrationStore(Path.Combine(DataDirectory, "calibration")).PathFor(DeviceId)));
    }

    private sealed record ConsoleText(string Out, string Error);
}
