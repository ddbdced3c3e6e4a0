using System.Globalization;
using System.Text;
using PostureStream.Simulation;
using PostureStream.Simulation.Scenarios;
using PostureStream.Simulation.Truth;

namespace PostureStream.Evaluation.Quality;

/// <summary>
/// Detection quality (issue 6): the built-in scenarios with several seeds, each simulated as a capture,
/// run through <c>posturestream run</c> and scored against the simulator's ground truth. Prints a
/// Markdown table and returns 1 when a target is missed.
/// </summary>
internal static class QualityEvaluation
{
    public const double RecallTarget = 0.98;
    public const double FalseAlertsPerHourTarget = 0.2;
    public const double LatencyTargetSeconds = 2;
    public const double StateAccuracyTarget = 0.95;

    private static readonly string[] Scenarios = ["quick-demo", "sustain-test", "office-day"];

    public static async Task<int> RunAsync(int seeds, TextWriter output, DeviceOutput profile = DeviceOutput.PspAngles)
    {
        string work = Directory.CreateTempSubdirectory("posturestream-eval-").FullName;
        var results = new List<ScenarioResult>();
        await output.WriteLineAsync(Header);
        try
        {
            foreach (string scenario in Scenarios)
            {
                for (int seed = 1; seed <= seeds; seed++)
                {
                    // psp-raw: the same wearers with boards that send raw IMU readings, fused by the host.
                    Scenario resolved = ScenarioCatalog.Resolve(scenario);
                    var plan = SimulationPlan.Create(resolved with { Device = resolved.Device with { Output = profile } }, seed);
                    GroundTruth truth = GroundTruth.Compute(plan);
                    DetectedRun detected = await DetectedRun.RunAsync(plan, truth, Path.Combine(work, $"{scenario}-{seed}"));
                    ScenarioResult result = ScenarioResult.Score(scenario, seed, truth, detected);
                    results.Add(result);
                    await output.WriteLineAsync(Row(result));
                }
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        return await SummaryAsync(results, output);
    }

    public static string Header =>
        "| scenario | seed | hours | raised found | reminders found | cleared found | false alerts | latency max (s) | latency mean (s) | state accuracy | activity accuracy |\n" +
        "|---|---|---|---|---|---|---|---|---|---|---|";

    private static string Row(ScenarioResult r) => string.Create(CultureInfo.InvariantCulture,
        $"| {r.Scenario} | {r.Seed} | {r.Hours:0.00} | {r.Raised.Found}/{r.Raised.Expected} | {r.Reminders.Found}/{r.Reminders.Expected} | {r.Cleared.Found}/{r.Cleared.Expected} | {FalseList(r)} | {Signed(Max(r.BuzzingLatencies))} | {Signed(Mean(r.BuzzingLatencies))} | {r.Seconds.StateAccuracy:P1} | {r.Seconds.ActivityAccuracy:P1} |");

    private static string FalseList(ScenarioResult r) =>
        r.FalseAlerts.Count == 0 ? "0" : $"{r.FalseAlerts.Count} ({string.Join(", ", r.FalseAlerts.GroupBy(f => f.Reason).Select(g => $"{g.Key} {g.Count()}"))})";

    private static async Task<int> SummaryAsync(List<ScenarioResult> results, TextWriter output)
    {
        int expected = results.Sum(r => r.Raised.Expected + r.Reminders.Expected);
        int found = results.Sum(r => r.Raised.Found + r.Reminders.Found);
        double recall = expected == 0 ? 1 : (double)found / expected;
        double hours = results.Sum(r => r.Hours);
        double falsePerHour = results.Sum(r => r.FalseAlerts.Count) / hours;
        double latency = Max(results.SelectMany(r => r.BuzzingLatencies));
        int scored = results.Sum(r => r.Seconds.StateScored);
        double state = (double)results.Sum(r => r.Seconds.StateCorrect) / scored;
        double activity = (double)results.Sum(r => r.Seconds.ActivityCorrect) / results.Sum(r => r.Seconds.ActivityScored);

        var summary = new StringBuilder();
        summary.AppendLine(CultureInfo.InvariantCulture, $"\n{results.Count} runs, {hours:0.0} h of simulated wear, {scored:N0} scored seconds.\n");
        summary.AppendLine("| measure | value | target | |\n|---|---|---|---|");
        summary.AppendLine(Check("recall of sustained episodes (raised + reminders)", $"{recall:0.000} ({found}/{expected})", $"≥ {RecallTarget}", recall >= RecallTarget));
        summary.AppendLine(Check("false alerts per hour", $"{falsePerHour:0.000}", $"≤ {FalseAlertsPerHourTarget}", falsePerHour <= FalseAlertsPerHourTarget));
        summary.AppendLine(Check("latency beyond the due time, worst", $"{Signed(latency)} s", $"≤ {LatencyTargetSeconds} s", latency <= LatencyTargetSeconds));
        summary.AppendLine(Check("per-second state accuracy", $"{state:P2}", $"≥ {StateAccuracyTarget:P0}", state >= StateAccuracyTarget));
        summary.AppendLine(CultureInfo.InvariantCulture, $"| per-second activity accuracy | {activity:P2} | (no target) | |");
        await output.WriteAsync(summary.ToString());
        bool met = recall >= RecallTarget && falsePerHour <= FalseAlertsPerHourTarget && latency <= LatencyTargetSeconds && state >= StateAccuracyTarget;
        return met ? 0 : 1;
    }

    private static string Check(string measure, string value, string target, bool met) =>
        $"| {measure} | {value} | {target} | {(met ? "met" : "MISSED")} |";

    private static string Signed(double seconds) =>
        (seconds >= 0 ? "+" : "") + seconds.ToString("0.00", CultureInfo.InvariantCulture);

    private static double Max(IEnumerable<double> values) => values.DefaultIfEmpty(double.NaN).Max();

    private static double Mean(IEnumerable<double> values) => values.DefaultIfEmpty(double.NaN).Average();
}
