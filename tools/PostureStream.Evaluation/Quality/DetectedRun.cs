using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using PostureStream.Cli;
using CliProgram = PostureStream.Cli.Program;
using PostureStream.Simulation;
using PostureStream.Simulation.Truth;

namespace PostureStream.Evaluation.Quality;

/// <summary>An alert line of <c>--alerts-out</c>, placed in device time.</summary>
internal readonly record struct DetectedAlert(string Kind, string Phase, long DeviceMicroseconds);

/// <summary>A stored <c>posture</c> point, placed in device time.</summary>
internal readonly record struct DetectedPosture(long DeviceMicroseconds, string Activity, string State);

/// <summary>
/// What the product itself says about a simulated capture: <c>posturestream run --source file:…</c>
/// (the whole pipeline, in-process) with its alerts JSONL and its SQLite <c>posture</c> series read back.
/// Outputs are stamped <c>start + device ticks</c> (Signals README, device time), so they map back to device time exactly.
/// </summary>
internal sealed class DetectedRun
{
    private static readonly DateTime Start = new(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);

    private DetectedRun(IReadOnlyList<DetectedAlert> alerts, IReadOnlyList<DetectedPosture> posture)
    {
        Alerts = alerts;
        Posture = posture;
    }

    public IReadOnlyList<DetectedAlert> Alerts { get; }

    /// <summary>The 10/s posture series in time order.</summary>
    public IReadOnlyList<DetectedPosture> Posture { get; }

    public static async Task<DetectedRun> RunAsync(SimulationPlan plan, GroundTruth truth, string directory)
    {
        Directory.CreateDirectory(directory);
        string capture = Path.Combine(directory, "capture.psp");
        string alerts = Path.Combine(directory, "alerts.jsonl");
        string database = Path.Combine(directory, "posture.db");
        await File.WriteAllBytesAsync(capture, CaptureWriter.ToArray(plan));

        string start = Start.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        // run's own log lines (a sensor fault, say) would interleave with the harness's table.
        TextWriter console = Console.Out;
        Console.SetOut(TextWriter.Null);
        int exit;
        try
        {
            exit = await CliProgram.Main([
                "run", "--source", $"file:{capture}?start={start}", "--store", $"sqlite:{database}",
                "--alerts-out", alerts, "--data-dir", directory, "--no-dashboard", "--quiet"]);
        }
        finally
        {
            Console.SetOut(console);
        }

        if (exit != ExitCodes.Ok)
        {
            throw new InvalidOperationException($"posturestream run exited {exit} on {plan.Scenario.Name} seed {plan.Seed}");
        }

        long origin = truth.FirstMicroseconds;
        return new DetectedRun(ReadAlerts(alerts, origin), ReadPosture(database, origin));
    }

    private static List<DetectedAlert> ReadAlerts(string path, long origin)
    {
        var alerts = new List<DetectedAlert>();
        foreach (string line in File.ReadLines(path))
        {
            using var json = JsonDocument.Parse(line);
            JsonElement root = json.RootElement;
            DateTime time = DateTime.Parse(root.GetProperty("time").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            alerts.Add(new DetectedAlert(root.GetProperty("kind").GetString()!, root.GetProperty("phase").GetString()!, origin + ((time - Start).Ticks / 10)));
        }

        return alerts;
    }

    private static List<DetectedPosture> ReadPosture(string path, long origin)
    {
        long startMicros = (Start - DateTime.UnixEpoch).Ticks / 10;
        var points = new List<DetectedPosture>();
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using SqliteCommand query = connection.CreateCommand();
        query.CommandText = "SELECT time_ns, activity, state FROM posture ORDER BY time_ns";
        using SqliteDataReader reader = query.ExecuteReader();
        while (reader.Read())
        {
            points.Add(new DetectedPosture(origin + ((reader.GetInt64(0) / 1000) - startMicros), reader.GetString(1), reader.GetString(2)));
        }

        return points;
    }
}
