using PostureStream.Simulation;
using PostureStream.Simulation.Scenarios;

namespace PostureStream.Cli.Tests;

/// <summary><c>run</c> without <c>--store</c> keeps everything in the embedded SQLite file of its data directory (Storage README, schema).</summary>
[Collection(ProcessState.Collection)]
public sealed class RunDefaultStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("posturestream-default-store-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Run_WithoutStore_WritesPosturePointsTenASecondToTheDefaultFile()
    {
        string capture = Path.Combine(_dir, "quick-demo.psp");
        await File.WriteAllBytesAsync(capture, CaptureWriter.ToArray(SimulationPlan.Create(ScenarioCatalog.Resolve(BuiltInScenarios.QuickDemo), 2)));
        string dataDirectory = Path.Combine(_dir, "data");

        int exit;
        using (new ConsoleCapture())
        {
            exit = await Program.Main(["run", "--source", $"file:{capture}?start=2026-03-01T08:00:00Z", "--data-dir", dataDirectory, "--no-dashboard", "--quiet"]);
        }

        Assert.Equal(ExitCodes.Ok, exit);
        string file = Path.Combine(dataDirectory, "posturestream.db");
        Assert.True(File.Exists(file), $"no {file}");
        long points = SqliteQuery.Scalar(file, "SELECT count(*) FROM posture");
        long spanNs = SqliteQuery.Scalar(file, "SELECT max(time_ns) - min(time_ns) FROM posture");
        long expected = (spanNs / 100_000_000) + 1;
        // One point per 100 ms of device time (Detection README); the scenario's dropouts and gaps lose a few.
        Assert.InRange(points, expected * 95 / 100, expected);
        Assert.Equal(points, SqliteQuery.Scalar(file, "SELECT count(*) FROM posture WHERE activity IS NOT NULL AND state IS NOT NULL AND device_id <> ''"));

        // file: sources are stamped start + device ticks (Signals README, device time).
        long startNs = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000;
        Assert.InRange(SqliteQuery.Scalar(file, "SELECT min(time_ns) FROM posture"), startNs, startNs + 1_000_000_000);

        // link_stats too: every 10 s of device time, inside the samples' range rather than at the wall-clock time of the replay.
        Assert.InRange(SqliteQuery.Scalar(file, "SELECT count(*) FROM link_stats"), spanNs / 10_000_000_000, (spanNs / 10_000_000_000) + 2);
        Assert.Equal(0, SqliteQuery.Scalar(file, "SELECT count(*) FROM link_stats WHERE time_ns NOT BETWEEN (SELECT min(time_ns) FROM posture) AND (SELECT max(time_ns) FROM posture)"));
    }
}
