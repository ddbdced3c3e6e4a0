using PostureStream.Testing;

namespace PostureStream.Cli.Tests.EndToEnd;

/// <summary>
/// <c>run --wearer … --buzzer URI</c>: the wearer's angles come from two WitMotion captures, and its buzzed alerts
/// buzz a PSP device — here the PSP simulator on a PTY, whose buzz log records each BUZZ it acted on.
/// </summary>
[Collection(ProcessState.Collection)]
public sealed class WearerBuzzerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("posturestream-buzzer-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task AWearersBuzzedAlerts_BuzzThePspDeviceGivenAsBuzzer()
    {
        string prefix = Path.Combine(_dir, "wearer");
        Assert.Equal(ExitCodes.Ok, await Program.Main([
            "simulate", "--scenario", "quick-demo", "--seed", "2", "--witmotion", "serial", "--out", "file:" + prefix,
            "--lumbar-mounting", "0,0,0", "--pelvis-mounting", "0,0,0"]));
        string buzzLog = Path.Combine(_dir, "buzzes.jsonl");
        (ChildProcess simulator, string pty) = await PostureStreamTool.StartSimulatorOnPtyAsync(
            "quick-demo", 1, 1, Path.Combine(_dir, "device-truth.jsonl"), buzzLog);
        using (simulator)
        {
            string data = Path.Combine(_dir, "data");
            int exit = await Program.Main([
                "run", "--wearer", "W", "--lumbar", $"file:{prefix}.lumbar.pstimed", "--pelvis", $"file:{prefix}.pelvis.pstimed",
                "--buzzer", "serial:" + pty, "--data-dir", data, "--no-dashboard", "--quiet"]);

            Assert.Equal(ExitCodes.Ok, exit);
            long buzzed = SqliteQuery.Scalar(Path.Combine(data, "posturestream.db"), "SELECT count(*) FROM posture_alert WHERE buzzed = 1");
            Assert.True(buzzed > 0, "the wearer's replay raised no buzzed alert");
            // The device notes a BUZZ as it acts on it; the run waited for each ACK before closing the link.
            await Poll.UntilAsync(() => File.Exists(buzzLog) && File.ReadAllLines(buzzLog).Length == buzzed, TimeSpan.FromSeconds(30), $"{buzzed} buzzes in the device's log");
        }
    }

    [Theory]
    [InlineData("--buzzer belongs to a wearer", "run", "--buzzer", "serial:/dev/null")]
    [InlineData("a capture file cannot buzz", "run", "--wearer", "W", "--lumbar", "file:a", "--pelvis", "file:b", "--buzzer", "file:c.psp")]
    public async Task AMisplacedBuzzer_IsAUsageError(string said, params string[] args)
    {
        (int exit, string errors) = await StandardErrorCapture.RunAsync(() => Program.Main([.. args, "--data-dir", Path.Combine(_dir, "data"), "--no-dashboard"]));

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(said, errors, StringComparison.Ordinal);
    }
}
