using PostureStream.Cli;
using PostureStream.Simulation;
using PostureStream.Simulation.Scenarios;

namespace PostureStream.Cli.Tests;

/// <summary>
/// <c>run</c> on captures (Signals README, device time): every rule counts device time, so a capture replayed at any speed
/// gives byte-identical alerts, and the end of the source clears open episodes and exits 0.
/// </summary>
[Collection(ProcessState.Collection)]
public sealed class RunReplayTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("posturestream-run-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<string> CaptureAsync(string scenario, int seed)
    {
        string path = Path.Combine(_dir, $"{scenario}-{seed}.psp");
        await File.WriteAllBytesAsync(path, CaptureWriter.ToArray(SimulationPlan.Create(ScenarioCatalog.Resolve(scenario), seed)));
        return path;
    }

    private async Task<(int Exit, string Alerts)> RunAsync(string source, string label)
    {
        string alerts = Path.Combine(_dir, label + ".jsonl");
        int exit = await Program.Main(["run", "--source", source, "--alerts-out", alerts, "--data-dir", Path.Combine(_dir, label), "--no-dashboard", "--quiet"]);
        return (exit, File.Exists(alerts) ? await File.ReadAllTextAsync(alerts) : "");
    }

    [Fact]
    public async Task Replay_AtDifferentSpeeds_GivesByteIdenticalAlerts()
    {
        string capture = await CaptureAsync("sustain-test", 3);
        const string start = "start=2026-03-01T08:00:00Z";

        (int maxExit, string atMax) = await RunAsync($"file:{capture}?speed=max&{start}", "max");
        (int fastExit, string atSpeed) = await RunAsync($"file:{capture}?speed=2000&{start}", "fast");
        (int againExit, string again) = await RunAsync($"file:{capture}?{start}", "again");

        Assert.Equal([ExitCodes.Ok, ExitCodes.Ok, ExitCodes.Ok], new[] { maxExit, fastExit, againExit });
        Assert.Contains("\"phase\":\"raised\"", atMax, StringComparison.Ordinal);
        Assert.Equal(atMax, atSpeed);
        Assert.Equal(atMax, again);
    }

    [Fact]
    public async Task Run_EndOfSource_ClearsEveryRaisedEpisode()
    {
        string capture = await CaptureAsync("quick-demo", 2);
        (int exit, string alerts) = await RunAsync($"file:{capture}?start=2026-03-01T08:00:00Z", "demo");

        Assert.Equal(ExitCodes.Ok, exit);
        string[] lines = alerts.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        int raised = lines.Count(l => l.Contains("\"phase\":\"raised\"", StringComparison.Ordinal));
        int cleared = lines.Count(l => l.Contains("\"phase\":\"cleared\"", StringComparison.Ordinal));
        Assert.True(raised >= 2, $"quick-demo raises a flattening and a hyper-extension alert; got {raised}");
        Assert.Equal(raised, cleared);
        Assert.All(lines, l => Assert.StartsWith("{\"time\":\"2026-03-01T", l, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("bogus:x", "unknown scheme")]
    [InlineData("serial:/dev/ttyPOSTURESTREAM-NONE", "does not exist")]
    [InlineData("sim:no-such-scenario", "no-such-scenario")]
    public async Task Run_BadSource_NamesItAndExitsWithUsageCode(string source, string expected)
    {
        (int exit, string errors) = await StandardErrorCapture.RunAsync(async () => (await RunAsync(source, "bad")).Exit);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_FlatteningThresholdsInTheWrongOrder_AreRejected()
    {
        string config = Path.Combine(_dir, "bad.json");
        await File.WriteAllTextAsync(config, """{ "Detection": { "Sitting": { "FlatteningStart": -5, "FlatteningEnd": -7 } } }""");
        (int exit, string errors) = await StandardErrorCapture.RunAsync(() => Program.Main(["run", "--source", "sim:quick-demo", "--config", config, "--no-dashboard"]));

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("start=-5", errors, StringComparison.Ordinal);
    }
}
