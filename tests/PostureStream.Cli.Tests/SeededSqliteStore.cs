using PostureStream.Simulation;
using PostureStream.Simulation.Scenarios;
using PostureStream.Storage.Schema;

namespace PostureStream.Cli.Tests;

/// <summary>
/// A SQLite store filled by real <c>run</c>s: two simulated wearers (quick-demo, seeds 2 and 5) replayed
/// from capture files on two consecutive days, 2026-03-02 and 2026-03-03 from 08:00 UTC.
/// </summary>
public sealed class SeededSqliteStore : IAsyncLifetime
{
    public static readonly DateOnly FirstDay = new(2026, 3, 2);
    public static readonly DateOnly SecondDay = new(2026, 3, 3);

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("posturestream-seeded-").FullName;

    public string Path => System.IO.Path.Combine(Directory, "seeded.db");

    public string Uri => "sqlite:" + Path;

    public async Task InitializeAsync()
    {
        await ReplayAsync(seed: 2, FirstDay);
        await ReplayAsync(seed: 5, SecondDay);
    }

    public Task DisposeAsync()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>The rows of each measurement, read straight from the tables (one per measurement).</summary>
    public IReadOnlyDictionary<string, long> CountRows() =>
        StorageSchema.All.ToDictionary(m => m.Name, m => Count($"SELECT count(*) FROM \"{m.Name}\""), StringComparer.Ordinal);

    /// <summary>The rows of every measurement stamped in [from, to).</summary>
    public long CountRowsBetween(DateTimeOffset from, DateTimeOffset to)
    {
        long fromNs = from.ToUnixTimeMilliseconds() * 1_000_000;
        long toNs = to.ToUnixTimeMilliseconds() * 1_000_000;
        return StorageSchema.All.Sum(m => Count($"SELECT count(*) FROM \"{m.Name}\" WHERE time_ns >= {fromNs} AND time_ns < {toNs}"));
    }

    /// <summary>The alerts raised in one UTC day (the report counts an episode by its raised event).</summary>
    public long CountRaisedAlerts(DateOnly day)
    {
        long from = new DateTimeOffset(day, TimeOnly.MinValue, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000;
        return Count($"SELECT count(*) FROM posture_alert WHERE phase = 'raised' AND time_ns >= {from} AND time_ns < {from + 86_400_000_000_000}");
    }

    private long Count(string sql) => SqliteQuery.Scalar(Path, sql);

    private async Task ReplayAsync(int seed, DateOnly day)
    {
        string capture = System.IO.Path.Combine(Directory, $"quick-demo-{seed}.psp");
        await File.WriteAllBytesAsync(capture, CaptureWriter.ToArray(SimulationPlan.Create(ScenarioCatalog.Resolve(BuiltInScenarios.QuickDemo), seed)));
        string source = $"file:{capture}?start={day:yyyy-MM-dd}T08:00:00Z";
        using var console = new ConsoleCapture();
        int exit = await Program.Main(["run", "--source", source, "--store", Uri, "--data-dir", System.IO.Path.Combine(Directory, "data"), "--no-dashboard", "--quiet"]);
        if (exit != ExitCodes.Ok)
        {
            throw new InvalidOperationException($"seeding run exited {exit}: {console.Error}");
        }
    }
}
