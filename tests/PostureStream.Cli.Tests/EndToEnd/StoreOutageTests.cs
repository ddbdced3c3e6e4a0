using Microsoft.Data.Sqlite;
using PostureStream.Signals;
using PostureStream.Testing;

namespace PostureStream.Cli.Tests.EndToEnd;

/// <summary>
/// Issue 9: a store that is down is a warning, not an error (Storage README, schema); SIGTERM flushes into the spool and exits 0;
/// the next start replays the spool and reloads the device's stored calibration.
/// </summary>
public sealed class StoreOutageTests : IDisposable
{
    private const ulong DeviceId = 0x00000000e2e0cafe;
    private const string Database = "outage";
    private static readonly DateTimeOffset FirstRunStart = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SecondRunStart = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A flush to a store that is down gives up after 10 s and the writer drains 5 s more (RunHost, InfluxWriter).</summary>
    private static readonly TimeSpan ExitWithStoreDown = TimeSpan.FromSeconds(40);

    private readonly TempDirectory _dir = new("ps-outage-");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_StoreUnreachable_WarnsNamingTheStoreAndExitsZeroAtTheEndOfTheSource()
    {
        string store = $"influxdb-v1:http://127.0.0.1:{FreePort.Next()}?db=nobody";
        using ChildProcess run = PostureStreamTool.Start(
            "run", "--source", "sim:quick-demo?speed=max", "--store", store, "--data-dir", _dir.Sub("data"), "--no-dashboard", "--quiet");

        Assert.True(ExitCodes.Ok == await run.WaitForExitAsync(ExitWithStoreDown), $"run with the store down:\n{run.Output}");
        Assert.Contains($"warning: {store}: ", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("is not reachable", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("error:", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sigterm_WithTheStoreDown_SpoolsAndExitsZero_ThenARestartReplaysTheSpoolOnceAndUsesTheStoredCalibration()
    {
        await using InfluxdServer influxd = InfluxdServer.CreateStopped();
        string store = $"influxdb-v1:http://127.0.0.1:{influxd.Port}?db={Database}";
        string data = _dir.Sub("data");
        string firstRunCopy = _dir.Sub("first-run.db");

        await FirstRunCalibratesAndIsStoppedWithTheStoreDownAsync(store, data, firstRunCopy);

        await influxd.StartAsync();
        await influxd.CreateDatabaseAsync(Database);
        using (ChildProcess run = PostureStreamTool.Start(
            "run", "--source", $"sim:{WriteScenario("uncalibrated", calibrate: false)}?speed=max&start={SecondRunStart:yyyy-MM-ddTHH:mm:ssZ}",
            "--store", store, "--data-dir", data, "--no-dashboard"))
        {
            Assert.True(ExitCodes.Ok == await run.WaitForExitAsync(TimeSpan.FromSeconds(60)), $"second run:\n{run.Output}");
            Assert.Contains("restart-wearer: Standing neutral loaded", run.StandardOutput, StringComparison.Ordinal);
            Assert.DoesNotContain("neutral taken", run.StandardOutput, StringComparison.Ordinal);
            Assert.DoesNotContain("stay in the spool", run.StandardError, StringComparison.Ordinal);
            Assert.DoesNotContain("error:", run.StandardError, StringComparison.Ordinal);
        }

        // Every point the first run wrote (its SQLite copy) reached influxd from the spool; the same series and
        // time overwrite in influxd, so equal counts mean none was lost.
        string firstRun = $"time < '{SecondRunStart:yyyy-MM-ddTHH:mm:ssZ}'";
        foreach ((string measurement, string field) in new[] { ("posture", "state"), ("posture_summary", "samples"), ("device_status", "battery_mv") })
        {
            long written = await CountRowsAsync(firstRunCopy, measurement);
            Assert.True(written > 0, $"the first run wrote no {measurement}");
            Assert.Equal(written, await influxd.CountAsync(Database, measurement, field, firstRun));
        }

        // The second run never pressed calibrate, yet detection ran from its first sample on the stored neutrals.
        string secondRun = $"time >= '{SecondRunStart:yyyy-MM-ddTHH:mm:ssZ}'";
        Assert.True(await influxd.CountAsync(Database, "posture", "state", secondRun) > 0, "the second run stored no posture");
        Assert.Equal(0, await influxd.CountAsync(Database, "posture", "state", secondRun + " AND \"state\" = 'uncalibrated'"));
    }

    /// <summary>
    /// Run 1: a wearer on a PTY presses calibrate standing and sitting; once both neutrals are stored, SIGTERM.
    /// The InfluxDB store is down all along, so its points can only be in the spool; a SQLite store beside it keeps a
    /// copy of what the run wrote.
    /// </summary>
    private async Task FirstRunCalibratesAndIsStoppedWithTheStoreDownAsync(string store, string data, string copy)
    {
        (ChildProcess simulator, string pty) = await PostureStreamTool.StartSimulatorOnPtyAsync(
            WriteScenario("calibrating", calibrate: true), speed: 10, seed: 1, _dir.Sub("truth.jsonl"), _dir.Sub("buzzes.jsonl"));
        using (simulator)
        using (ChildProcess run = PostureStreamTool.Start(
            "run", "--source", $"serial:{pty}?clock=device&start={FirstRunStart:yyyy-MM-ddTHH:mm:ssZ}",
            "--store", store, "--store", "sqlite:" + copy, "--data-dir", data, "--no-dashboard", "--quiet"))
        {
            var calibration = new JsonFileCalibrationStore(Path.Combine(data, "calibration"));
            await Poll.UntilAsync(
                () => run.HasExited || calibration.Load(DeviceId) is { Standing: not null, Sitting: not null },
                TimeSpan.FromSeconds(60),
                "the first run to store a standing and a sitting neutral");
            Assert.False(run.HasExited, $"the first run ended by itself:\n{run.Output}");

            Assert.True(ExitCodes.Ok == await run.TerminateAsync(ExitWithStoreDown), $"first run after SIGTERM:\n{run.Output}");
            Assert.Contains($"warning: {store}: ", run.StandardError, StringComparison.Ordinal);
            Assert.Contains("is not reachable", run.StandardError, StringComparison.Ordinal);
            Assert.Contains("stay in the spool", run.StandardError, StringComparison.Ordinal);
            await simulator.StopAsync();
        }
    }

    /// <summary>The same wearer and device in both runs; only the first presses the calibrate button.</summary>
    private string WriteScenario(string name, bool calibrate)
    {
        string press = calibrate ? """, "event": "calibrate" """ : "";
        string path = _dir.Sub(name + ".json");
        File.WriteAllText(path, $$"""
            {
              "name": "{{name}}",
              "wearer": { "standingPelvisPitch": 12, "standingLordosis": 24, "sittingPelvisRotation": 17, "sittingLordosisDrop": 12 },
              "device": { "deviceId": "{{DeviceId:x16}}", "name": "restart-wearer", "dropoutRate": 0 },
              "segments": [
                { "kind": "standing", "seconds": 15 {{press}} },
                { "kind": "sitting", "seconds": 15 {{press}} },
                { "kind": "sitting", "seconds": {{(calibrate ? 600 : 20)}} },
                { "kind": "standing", "seconds": 20 }
              ]
            }
            """);
        return path;
    }

    private static async Task<long> CountRowsAsync(string sqlitePath, string table)
    {
        await using var connection = new SqliteConnection($"Data Source={sqlitePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using SqliteCommand count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
