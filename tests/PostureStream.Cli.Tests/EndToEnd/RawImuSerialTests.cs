using PostureStream.Testing;

namespace PostureStream.Cli.Tests.EndToEnd;

/// <summary>
/// Issue 20, end to end: a wearer whose board sends raw IMU readings (PSP RAW, simulated MPU-6050s with their noise,
/// offsets, drift and mounting) on a pseudo-terminal, <c>posturestream run</c> as its own process reading it as a
/// serial port, host fusion turning the readings into angles for the unchanged detection: the alerts are the truth's.
/// </summary>
public sealed class RawImuSerialTests : IDisposable
{
    private const int Speed = 30;
    private const int Seed = 4;
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>As for SAMPLES: the detector filters and debounces, so its alerts come within a couple of seconds of the truth's.</summary>
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(3);

    private readonly TempDirectory _dir = new("ps-e2e-raw-");

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("mpu-6050")]
    [InlineData("icm-42688-p")]
    public async Task QuickDemo_RawImusOverAPty_RaiseTheTruthsAlerts(string imu)
    {
        string truthPath = _dir.Sub($"truth-{imu}.jsonl");
        string alertsPath = _dir.Sub($"alerts-{imu}.jsonl");
        (ChildProcess simulator, string pty) = await PostureStreamTool.StartSimulatorOnPtyAsync(
            "quick-demo", Speed, Seed, truthPath, _dir.Sub($"buzzes-{imu}.jsonl"), "--profile", "psp-raw", "--imu", imu);
        using (simulator)
        using (ChildProcess run = PostureStreamTool.Start(
            "run", "--source", $"serial:{pty}?clock=device&start={Start:yyyy-MM-ddTHH:mm:ssZ}",
            "--store", $"sqlite:{_dir.Sub($"store-{imu}.db")}",
            "--alerts-out", alertsPath, "--data-dir", _dir.Sub($"data-{imu}"), "--no-dashboard", "--quiet"))
        {
            Assert.Equal(ExitCodes.Ok, await simulator.WaitForExitAsync(TimeSpan.FromSeconds(90)));
            Assert.False(run.HasExited, $"run stopped before the scenario ended:\n{run.Output}");
            Assert.True(ExitCodes.Ok == await run.TerminateAsync(TimeSpan.FromSeconds(30)), $"run after SIGTERM:\n{run.Output}");
            Assert.DoesNotContain("error:", run.StandardError, StringComparison.Ordinal);
        }

        TruthFile truth = await TruthFile.ReadAsync(truthPath);
        var clock = new DeviceClock(Start, truth.FirstMicroseconds);
        IReadOnlyList<AlertLine> alerts = await AlertLine.ReadAllAsync(alertsPath);
        Assert.NotEmpty(truth.Notifying);
        Assert.All(alerts, a => Assert.Equal((truth.DeviceName, truth.DeviceId), (a.Device, a.DeviceId)));
        foreach (DueAlert due in truth.Alerts)
        {
            Assert.True(
                alerts.Any(a => a.Kind == due.Kind && a.Phase == due.Phase && Math.Abs(clock.ToDevice(a.Time) - due.DeviceMicroseconds) <= (long)Tolerance.TotalMicroseconds),
                $"no {due.Kind} {due.Phase} alert near device time {due.DeviceMicroseconds} µs in\n{string.Join('\n', alerts)}");
        }

        // Walking, bending, reaching and fidgeting shake raw IMUs; none of it may raise an alert.
        Assert.Equal(truth.Notifying.Count(), alerts.Count(a => a.Phase is "raised" or "reminder"));
    }
}
