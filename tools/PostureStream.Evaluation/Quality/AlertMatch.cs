using PostureStream.Simulation.Truth;

namespace PostureStream.Evaluation.Quality;

/// <summary>
/// Detected alerts paired with the ground truth's, one phase at a time: a truth alert is found when a
/// detected alert of the same kind and phase lies within [due − <see cref="Early"/>, due + <see cref="Late"/>];
/// each detected alert answers at most one truth alert. What is left over on either side is a miss or a false alert.
/// </summary>
internal sealed class AlertMatch
{
    /// <summary>A detector filters and debounces, so it may cross a threshold a little before the intended posture does.</summary>
    public static readonly TimeSpan Early = TimeSpan.FromSeconds(5);

    /// <summary>Wide enough that a late alert counts as late (latency) rather than as a miss plus a false alert.</summary>
    public static readonly TimeSpan Late = TimeSpan.FromSeconds(15);

    private AlertMatch(List<double> latencies, List<TruthAlert> missed, List<DetectedAlert> unmatched, int expected)
    {
        LatenciesSeconds = latencies;
        Missed = missed;
        Unmatched = unmatched;
        Expected = expected;
    }

    public int Expected { get; }

    public int Found => LatenciesSeconds.Count;

    /// <summary>Detected − due, seconds, for each truth alert found.</summary>
    public IReadOnlyList<double> LatenciesSeconds { get; }

    public IReadOnlyList<TruthAlert> Missed { get; }

    /// <summary>Detected alerts of this phase that answer no truth alert.</summary>
    public IReadOnlyList<DetectedAlert> Unmatched { get; }

    public static AlertMatch Of(string phase, IReadOnlyList<TruthAlert> truth, IReadOnlyList<DetectedAlert> detected)
    {
        var candidates = detected.Where(d => d.Phase == phase).ToList();
        var used = new bool[candidates.Count];
        var latencies = new List<double>();
        var missed = new List<TruthAlert>();
        long early = (long)Early.TotalMicroseconds;
        long late = (long)Late.TotalMicroseconds;
        List<TruthAlert> expected = [.. truth.Where(t => t.Phase == phase)];
        foreach (TruthAlert due in expected)
        {
            int best = -1;
            for (int i = 0; i < candidates.Count; i++)
            {
                long delta = candidates[i].DeviceMicroseconds - due.DeviceMicroseconds;
                if (!used[i] && candidates[i].Kind == due.Kind && delta >= -early && delta <= late
                    && (best < 0 || Math.Abs(delta) < Math.Abs(candidates[best].DeviceMicroseconds - due.DeviceMicroseconds)))
                {
                    best = i;
                }
            }

            if (best < 0)
            {
                missed.Add(due);
                continue;
            }

            used[best] = true;
            latencies.Add((candidates[best].DeviceMicroseconds - due.DeviceMicroseconds) / 1e6);
        }

        return new AlertMatch(latencies, missed, [.. candidates.Where((_, i) => !used[i])], expected.Count);
    }
}
