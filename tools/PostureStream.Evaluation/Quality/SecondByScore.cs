using PostureStream.Simulation.Truth;

namespace PostureStream.Evaluation.Quality;

/// <summary>
/// Per-second agreement of the stored <c>posture</c> series with the scenario's intent. Each whole second
/// of device time is scored against its segment, once the detector has both neutrals (the scenario's
/// calibrate presses plus the 5 quiet seconds they take) and once the segment's transition and the 1 s
/// activity debounce are over. Seconds in a gap or a sensor fault (and the second after) are not scored:
/// there the state is <c>sensor_fault</c> by design.
/// <list type="bullet">
/// <item><b>State</b>: sitting and standing segments (upright, slumped, anterior tilt, fidgeting, reaching):
/// the <c>state</c> field against the segment's posture (neutral, flattened, hyperextended).</item>
/// <item><b>Activity</b>: every segment: the <c>activity</c> field against the segment's activity; lying is
/// scored after its 10 s hold, a bend only through its held part.</item>
/// </list>
/// </summary>
internal readonly record struct SecondByScore(int StateScored, int StateCorrect, int ActivityScored, int ActivityCorrect)
{
    private const long Second = 1_000_000;
    private const long Debounce = Second;
    private static readonly TimeSpan QuietCalibrationWindow = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan LyingHold = TimeSpan.FromSeconds(11);
    private static readonly TimeSpan BendRamp = TimeSpan.FromSeconds(1.5);

    public double StateAccuracy => StateScored == 0 ? double.NaN : (double)StateCorrect / StateScored;

    public double ActivityAccuracy => ActivityScored == 0 ? double.NaN : (double)ActivityCorrect / ActivityScored;

    public static SecondByScore Of(GroundTruth truth, IReadOnlyList<DetectedPosture> posture)
    {
        long from = CalibratedFrom(truth);
        var excluded = truth.Gaps.Concat(truth.Faults).Select(s => (s.StartMicroseconds - Second, s.EndMicroseconds + Second)).ToArray();
        int stateScored = 0, stateCorrect = 0, activityScored = 0, activityCorrect = 0;
        int point = 0;
        int segment = 0;
        IReadOnlyList<TruthSegment> segments = truth.Segments;
        for (long t = truth.FirstMicroseconds + Second; t <= truth.LastMicroseconds; t += Second)
        {
            while (segment < segments.Count - 1 && segments[segment].EndMicroseconds <= t)
            {
                segment++;
            }

            while (point < posture.Count - 1 && posture[point + 1].DeviceMicroseconds <= t)
            {
                point++;
            }

            TruthSegment s = segments[segment];
            if (t < from || posture.Count == 0 || posture[point].DeviceMicroseconds > t || Array.Exists(excluded, e => t >= e.Item1 && t <= e.Item2))
            {
                continue;
            }

            DetectedPosture detected = posture[point];
            long settled = s.StartMicroseconds + (long)(s.TransitionSeconds * Second) + Debounce;
            if (t < settled)
            {
                continue;
            }

            if (s.Activity is "sitting" or "standing")
            {
                stateScored++;
                stateCorrect += detected.State == s.Posture ? 1 : 0;
            }

            if (ActivityScorable(s, t))
            {
                activityScored++;
                activityCorrect += detected.Activity == s.Activity ? 1 : 0;
            }
        }

        return new SecondByScore(stateScored, stateCorrect, activityScored, activityCorrect);
    }

    private static bool ActivityScorable(TruthSegment s, long t) => s.Activity switch
    {
        "lying" => t >= s.StartMicroseconds + (long)LyingHold.TotalMicroseconds,
        "bending" => t >= s.StartMicroseconds + (long)(BendRamp.TotalMicroseconds + Debounce) && t <= s.EndMicroseconds - (long)BendRamp.TotalMicroseconds,
        _ => true,
    };

    /// <summary>The truth judges against both neutrals: score from the quiet window after the scenario's second calibrate press.</summary>
    private static long CalibratedFrom(GroundTruth truth)
    {
        var presses = truth.Events.Where(e => e.Code == 1 && !e.Lost).Take(2).ToList();
        return presses.Count == 0 ? truth.FirstMicroseconds : presses[^1].DeviceMicroseconds + (long)QuietCalibrationWindow.TotalMicroseconds;
    }
}
