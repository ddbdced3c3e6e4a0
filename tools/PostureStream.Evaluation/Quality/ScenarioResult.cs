using PostureStream.Simulation.Truth;

namespace PostureStream.Evaluation.Quality;

/// <summary>One scenario and seed through the pipeline, scored against its ground truth.</summary>
internal sealed record ScenarioResult(
    string Scenario,
    int Seed,
    double Hours,
    AlertMatch Raised,
    AlertMatch Reminders,
    AlertMatch Cleared,
    IReadOnlyList<(DetectedAlert Alert, string Reason)> FalseAlerts,
    SecondByScore Seconds)
{
    public static ScenarioResult Score(string scenario, int seed, GroundTruth truth, DetectedRun detected)
    {
        var raised = AlertMatch.Of("raised", truth.Alerts, detected.Alerts);
        var reminders = AlertMatch.Of("reminder", truth.Alerts, detected.Alerts);
        var cleared = AlertMatch.Of("cleared", truth.Alerts, detected.Alerts);
        var falseAlerts = raised.Unmatched.Concat(reminders.Unmatched).Select(a => (a, Reason(truth, a))).ToList();
        return new ScenarioResult(scenario, seed, truth.Plan.Duration.TotalHours, raised, reminders, cleared, falseAlerts, SecondByScore.Of(truth, detected.Posture));
    }

    /// <summary>Raised and reminder alerts together: what buzzes.</summary>
    public IEnumerable<double> BuzzingLatencies => Raised.LatenciesSeconds.Concat(Reminders.LatenciesSeconds);

    /// <summary>Why no alert was due where a false one fell: the quiet span it broke, if any.</summary>
    private static string Reason(GroundTruth truth, DetectedAlert alert) =>
        truth.QuietSpans.FirstOrDefault(q => alert.DeviceMicroseconds >= q.StartMicroseconds && alert.DeviceMicroseconds <= q.EndMicroseconds)?.Reason
        ?? "unexplained";
}
