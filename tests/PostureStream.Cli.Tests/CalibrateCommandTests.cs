using PostureStream.Signals;

namespace PostureStream.Cli.Tests;

/// <summary>
/// <c>calibrate</c> against the in-process simulator: a scenario file holds a wearer still, the
/// command takes the median of 5 quiet seconds and stores it where <c>run</c> reads it; --show and --forget read and drop it.
/// </summary>
[Collection(ProcessState.Collection)]
public sealed class CalibrateCommandTests : IDisposable
{
    private const ulong DeviceId = 0x00000000cafe0001;

    // Standing: pelvis 12°, lordosis 24°, so lumbar −12°. Sitting rotates the pelvis 17° back and drops lordosis 12°: pelvis −5°, lumbar −17°.
    private const string Wearer = """ "wearer": { "standingPelvisPitch": 12, "standingLordosis": 24, "sittingPelvisRotation": 17, "sittingLordosisDrop": 12 } """;
    private const string Device = """ "device": { "deviceId": "00000000cafe0001", "name": "still", "dropoutRate": 0 } """;
    private const string LossyDevice = """ "device": { "deviceId": "00000000cafe0001", "name": "lossy", "dropoutRate": 0.1 } """;

    private readonly string _dir = Directory.CreateTempSubdirectory("posturestream-calibrate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string DataDirectory => Path.Combine(_dir, "data");

    private async Task<string> ScenarioAsync(string kind, string device = Device)
    {
        string path = Path.Combine(_dir, kind + ".json");
        await File.WriteAllTextAsync(path, $$"""{ "name": "still-{{kind}}", {{Wearer}}, {{device}}, "segments": [ { "kind": "{{kind}}", "seconds": 15 } ] }""");
        return path;
    }

    private async Task<(int Exit, ConsoleText Console)> CalibrateAsync(string scenarioKind, params string[] extra)
    {
        string source = $"sim:{await ScenarioAsync(scenarioKind)}?speed=max";
        return await CommandAsync(["--source", source, "--timeout", "60", .. extra]);
    }

    private async Task<(int Exit, ConsoleText Console)> CommandAsync(params string[] arguments)
    {
        using var console = new ConsoleCapture();
        int exit = await Program.Main(["calibrate", "--data-dir", DataDirectory, .. arguments]);
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

    [Fact]
    public async Task Calibrate_OverALinkLosingTenPercentOfFrames_StoresTheTrueNeutral_AndSaysHowMuchArrived()
    {
        string source = $"sim:{await ScenarioAsync("standing", LossyDevice)}?speed=max";

        (int exit, ConsoleText console) = await CommandAsync("--source", source, "--timeout", "60");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Matches(@"Standing neutral stored for device 00000000cafe0001 \(from \d+ of 51 points", console.Out);
        Neutral standing = Stored().Standing!;
        Assert.Equal(12, standing.Angles.PelvisPitchDegrees, 1.0);
        Assert.Equal(-12, standing.Angles.LumbarPitchDegrees, 1.0);
    }

    [Fact]
    public async Task Show_PrintsEachSavedNeutral_WithItsAnglesTimeSourceAndState()
    {
        await CalibrateAsync("standing");

        (int exit, ConsoleText console) = await CommandAsync("--show");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("device 00000000cafe0001", console.Out, StringComparison.Ordinal);
        Assert.Matches(@"standing  pelvis pitch 1[12]\.\d°, lumbar pitch -1[12]\.\d°, lordosis 2[345]\.\d°.*; taken \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ by calibrate or the dashboard", console.Out);
        Assert.Contains("sitting   not taken: the standing neutral shifted by the defaults is used", console.Out, StringComparison.Ordinal);
        Assert.Contains("state     current", console.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_AStaleNeutral_SaysWhyAndAsksToRecalibrate()
    {
        var store = new JsonFileCalibrationStore(Path.Combine(DataDirectory, "calibration"));
        store.Save(new CalibrationRecord(DeviceId, new Neutral(new SensorAngles(-12, 0, 12, 0), DateTimeOffset.UnixEpoch, CalibrationSource.AfterWalking), null, StaleReason.DeviceReset));

        (int exit, ConsoleText console) = await CommandAsync("--show", "--device", "cafe0001");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("taken 1970-01-01T00:00:00Z automatically after a walk", console.Out, StringComparison.Ordinal);
        Assert.Contains("state     stale (the device restarted): still used, but please recalibrate", console.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_NothingSaved_SaysSo_AndAnUnknownDeviceIsAUsageError()
    {
        (int emptyExit, ConsoleText empty) = await CommandAsync("--show");
        (int unknownExit, ConsoleText unknown) = await CommandAsync("--show", "--device", "00000000deadbeef");

        Assert.Equal(ExitCodes.Ok, emptyExit);
        Assert.Contains("No neutrals saved in", empty.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, unknownExit);
        Assert.StartsWith("posturestream calibrate: no neutral saved for device 00000000deadbeef", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_DropsTheDevicesNeutrals_SayingWhatWasRemoved_AndASecondForgetHasNothingToDrop()
    {
        await CalibrateAsync("standing");

        (int exit, ConsoleText console) = await CommandAsync("--forget", "--device", "00000000cafe0001");
        (int againExit, ConsoleText again) = await CommandAsync("--forget", "--device", "00000000cafe0001");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("Forgot the neutrals of device 00000000cafe0001", console.Out, StringComparison.Ordinal);
        Assert.Matches(@"standing  pelvis pitch 1[12]\.\d°", console.Out);
        Assert.Contains("sitting   none", console.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(new JsonFileCalibrationStore(Path.Combine(DataDirectory, "calibration")).PathFor(DeviceId)));
        Assert.Equal(ExitCodes.Usage, againExit);
        Assert.StartsWith("posturestream calibrate: nothing to forget: no neutral saved for device 00000000cafe0001", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgetSitting_DropsOnlyTheSittingNeutral()
    {
        await CalibrateAsync("standing");
        (int noSittingExit, ConsoleText noSitting) = await CommandAsync("--forget", "--sitting", "--device", "cafe0001");
        await CalibrateAsync("sitting", "--sitting");
        Neutral standing = Stored().Standing!;

        (int exit, ConsoleText console) = await CommandAsync("--forget", "--sitting", "--device", "cafe0001");

        Assert.Equal(ExitCodes.Usage, noSittingExit);
        Assert.StartsWith("posturestream calibrate: nothing to forget: device 00000000cafe0001 has no sitting neutral saved", noSitting.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("Forgot the sitting neutral of device 00000000cafe0001: pelvis pitch -", console.Out, StringComparison.Ordinal);
        CalibrationRecord record = Stored();
        Assert.Null(record.Sitting);
        Assert.Equal(standing, record.Standing);
    }

    [Fact]
    public async Task ShowAndForget_AnUnreadableFile_IsNamed_AndCanBeRemoved()
    {
        var store = new JsonFileCalibrationStore(Path.Combine(DataDirectory, "calibration"));
        Directory.CreateDirectory(store.Directory);
        await File.WriteAllTextAsync(store.PathFor(DeviceId), "{ half a record");

        (int showExit, ConsoleText show) = await CommandAsync("--show");
        (int forgetExit, ConsoleText forget) = await CommandAsync("--forget", "--device", "cafe0001");

        Assert.Equal([ExitCodes.Ok, ExitCodes.Ok], new[] { showExit, forgetExit });
        Assert.Contains("unreadable: ignored by run and calibrate; calibrate --forget --device 00000000cafe0001 removes it", show.Out, StringComparison.Ordinal);
        Assert.Contains("Removed the unreadable calibration file of device 00000000cafe0001", forget.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(store.PathFor(DeviceId)));
    }

    public static TheoryData<string[], string> BadUsage() => new()
    {
        { [], "--source URI is required" },
        { ["--forget"], "--forget needs --device ID" },
        { ["--show", "--forget", "--device", "1"], "--show and --forget cannot be combined" },
        { ["--show", "--source", "sim:quick-demo"], "--show reads the saved neutrals and needs no --source" },
        { ["--show", "--device", "not-hex"], "--device 'not-hex' is not a device id" },
        { ["--device", "1"], "--device names a device for --show or --forget" },
        { ["--source", "sim:quick-demo", "--timeout", "0"], "--timeout 0 is not positive" },
        { ["--source", "bogus:thing"], "bogus" },
        { ["--source", "serial:/dev/posturestream-no-such-port"], "/dev/posturestream-no-such-port" },
    };

    [Theory]
    [MemberData(nameof(BadUsage))]
    public async Task BadUsage_ExitsTwo_WithACalibrateMessageNamingTheValue(string[] arguments, string named)
    {
        (int exit, ConsoleText console) = await CommandAsync(arguments);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.StartsWith("posturestream calibrate: ", console.Error, StringComparison.Ordinal);
        Assert.Contains(named, console.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("posturestream run:", console.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", console.Error, StringComparison.Ordinal);
    }

    private sealed record ConsoleText(string Out, string Error);
}
