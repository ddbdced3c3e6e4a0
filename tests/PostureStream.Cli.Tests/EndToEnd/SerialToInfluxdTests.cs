using PostureStream.Storage.Schema;
using PostureStream.Testing;

namespace PostureStream.Cli.Tests.EndToEnd;

/// <summary>
/// Issue 9, end to end with real components: the simulated wearer on a pseudo-terminal, <c>posturestream run</c> as
/// its own process reading it through the serial link, and Debian's influxd on 127.0.0.1 as the store.
/// </summary>
public sealed class SerialToInfluxdTests : IAsyncLifetime
{
    /// <summary>
    /// quick-demo is 595 s; at 30× it is sent in about 20 s, 3,000 samples/s over the PTY, which the serial path
    /// keeps up with easily (tools/demo.sh runs the same at 5×). Device-clock stamping makes the alerts independent
    /// of how fast it goes.
    /// </summary>
    private const int Speed = 30;
    private const int Seed = 4;
    private const string Database = "e2e";
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>The detector filters and debounces, so its alerts come within a couple of seconds of the truth's.</summary>
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(3);

    /// <summary>50 ms of wall time on the serial path (README, benchmarks) is 1.5 s of device time at 30×; allow a margin.</summary>
    private static readonly TimeSpan BuzzLatency = TimeSpan.FromSeconds(5);

    private readonly TempDirectory _dir = new("ps-e2e-");
    private InfluxdServer? _influxd;

    private InfluxdServer Influxd => _influxd ?? throw new InvalidOperationException("influxd is not started");

    public async Task InitializeAsync()
    {
        _influxd = await InfluxdServer.StartNewAsync();
        await _influxd.CreateDatabaseAsync(Database);
    }

    public async Task DisposeAsync()
    {
        if (_influxd is not null)
        {
            await _influxd.DisposeAsync();
        }

        _dir.Dispose();
    }

    [Fact]
    public async Task QuickDemo_OverAPty_RaisesTheTruthsAlerts_BuzzesByTheRules_AndStoresEveryMeasurement()
    {
        string truthPath = _dir.Sub("truth.jsonl");
        string buzzPath = _dir.Sub("buzzes.jsonl");
        string alertsPath = _dir.Sub("alerts.jsonl");
        (ChildProcess simulator, string pty) = await PostureStreamTool.StartSimulatorOnPtyAsync("quick-demo", Speed, Seed, truthPath, buzzPath);
        using (simulator)
        using (ChildProcess run = PostureStreamTool.Start(
            "run", "--source", $"serial:{pty}?clock=device&start={Start:yyyy-MM-ddTHH:mm:ssZ}",
            "--store", $"influxdb-v1:http://127.0.0.1:{Influxd.Port}?db={Database}",
            "--alerts-out", alertsPath, "--data-dir", _dir.Sub("data"), "--no-dashboard", "--quiet"))
        {
            Assert.Equal(ExitCodes.Ok, await simulator.WaitForExitAsync(TimeSpan.FromSeconds(90)));
            Assert.False(run.HasExited, $"run stopped before the scenario ended:\n{run.Output}");
            Assert.True(ExitCodes.Ok == await run.TerminateAsync(TimeSpan.FromSeconds(30)), $"run after SIGTERM:\n{run.Output}");
            Assert.DoesNotContain("error:", run.StandardError, StringComparison.Ordinal);
        }

        TruthFile truth = await TruthFile.ReadAsync(truthPath);
        var clock = new DeviceClock(Start, truth.FirstMicroseconds);
        AssertAlertsMatchTheTruth(truth, clock, await AlertLine.ReadAllAsync(alertsPath));
        await AssertBuzzesFollowTheRulesAsync(truth, clock, await BuzzLogFile.ReadArrivalsAsync(buzzPath));
        await AssertEveryMeasurementIsStoredAsync(truth);
    }

    private static void AssertAlertsMatchTheTruth(TruthFile truth, DeviceClock clock, IReadOnlyList<AlertLine> alerts)
    {
        Assert.NotEmpty(truth.Notifying);
        Assert.All(alerts, a => Assert.Equal((truth.DeviceName, truth.DeviceId), (a.Device, a.DeviceId)));
        foreach (DueAlert due in truth.Alerts)
        {
            Assert.True(
                alerts.Any(a => a.Kind == due.Kind && a.Phase == due.Phase && IsNear(clock.ToDevice(a.Time), due.DeviceMicroseconds)),
                $"no {due.Kind} {due.Phase} alert near device time {due.DeviceMicroseconds} µs in\n{string.Join('\n', alerts)}");
        }

        Assert.Equal(truth.Notifying.Count(), alerts.Count(a => a.Phase is "raised" or "reminder"));
    }

    private async Task AssertBuzzesFollowTheRulesAsync(TruthFile truth, DeviceClock clock, IReadOnlyList<long> buzzes)
    {
        var buzzedAlerts = await Influxd.SeriesAsync(Database, "SELECT \"phase\", \"buzzed\" FROM \"posture_alert\" WHERE \"buzzed\" = true");
        long[] buzzedAt = [.. buzzedAlerts.SelectMany(s => s.Rows).Select(r => clock.ToDevice(r["time"].GetInt64()))];

        Assert.Equal(truth.ExpectedBuzzes(), buzzedAt.Length);
        Assert.Equal(buzzedAt.Length, buzzes.Count);
        foreach (long alertAt in buzzedAt)
        {
            // The device notes a buzz when it arrives: just after the alert's sample, by the link's latency at 30×.
            Assert.True(buzzes.Any(b => b >= alertAt && b - alertAt <= (long)BuzzLatency.TotalMicroseconds),
                $"no buzz within {BuzzLatency} of device time after the buzzed alert at {alertAt} µs; buzzes at {string.Join(", ", buzzes)}");
        }
    }

    private async Task AssertEveryMeasurementIsStoredAsync(TruthFile truth)
    {
        // Programmes and sessions are recorded by the programme commands, not by a run.
        foreach (MeasurementDefinition measurement in StorageSchema.All.Except(StorageSchema.ProgrammeRecords))
        {
            var series = await Influxd.SeriesAsync(Database, $"SELECT COUNT(*) FROM \"{measurement.Name}\" GROUP BY *");
            Assert.True(series.Count > 0, $"influxd holds no {measurement.Name}");
            Assert.All(series, s =>
            {
                Assert.Equal(truth.DeviceName, s.Tags[StorageSchema.DeviceTag]);
                Assert.Equal(truth.DeviceId, s.Tags[StorageSchema.DeviceIdTag]);
                Assert.True(s.Rows.Single().Where(c => c.Key.StartsWith("count_", StringComparison.Ordinal)).Max(c => c.Value.GetInt64()) > 0);
            });
        }

        var transports = await Influxd.SeriesAsync(Database, "SELECT COUNT(\"frames\") FROM \"link_stats\" GROUP BY \"transport\"");
        Assert.Equal("serial", Assert.Single(transports).Tags[StorageSchema.TransportTag]);

        // With clock=device every point, link statistics too, lies on the device's time line from Start, not today.
        var linkTimes = await Influxd.SeriesAsync(Database, "SELECT \"frames\" FROM \"link_stats\"");
        Assert.All(linkTimes.Single().Rows, row =>
        {
            var stamped = DateTimeOffset.UnixEpoch.AddTicks(row["time"].GetInt64() / 100);
            Assert.InRange(stamped, Start, Start.AddHours(1));
        });
    }

    private static bool IsNear(long deviceMicroseconds, long dueMicroseconds) =>
        Math.Abs(deviceMicroseconds - dueMicroseconds) <= (long)Tolerance.TotalMicroseconds;
}
