using PostureStream.Simulation.Scenarios;

namespace PostureStream.Simulation.Physiology;

/// <summary>
/// The intended posture at any true time: the current segment's motion, blended over its transition
/// from where the previous segment ended. During a transition the activity is the previous one until
/// the ramp is half done, about where a detector's thresholds are crossed.
/// </summary>
public sealed class PostureTimeline
{
    private readonly PlannedSegment[] _segments;
    private readonly PostureAngles[] _startFrom;

    public PostureTimeline(IReadOnlyList<PlannedSegment> segments)
    {
        _segments = segments.ToArray();
        _startFrom = new PostureAngles[_segments.Length];
        for (int i = 0; i < _segments.Length; i++)
        {
            _startFrom[i] = i == 0 ? _segments[0].Motion.At(0) : At(_segments[i - 1].End.TotalSeconds, i - 1);
        }
    }

    public IReadOnlyList<PlannedSegment> Segments => _segments;

    public TimeSpan Duration => _segments[^1].End;

    /// <summary>The posture at <paramref name="seconds"/> of true time; <paramref name="cursor"/> is the segment index to start looking from (times must not go backwards for one cursor).</summary>
    public PostureAngles Evaluate(double seconds, ref int cursor, out Activity activity)
    {
        while (cursor < _segments.Length - 1 && seconds >= _segments[cursor].End.TotalSeconds)
        {
            cursor++;
        }

        PlannedSegment segment = _segments[cursor];
        double local = seconds - segment.Start.TotalSeconds;
        double transition = segment.Definition.Transition.TotalSeconds;
        activity = cursor > 0 && local < transition / 2 ? _segments[cursor - 1].Activity : segment.Activity;
        return At(seconds, cursor);
    }

    private PostureAngles At(double seconds, int index)
    {
        PlannedSegment segment = _segments[index];
        double local = seconds - segment.Start.TotalSeconds;
        PostureAngles target = segment.Motion.At(local);
        double transition = segment.Definition.Transition.TotalSeconds;
        if (index == 0 || local >= transition || transition <= 0)
        {
            return target;
        }

        return PostureAngles.Blend(_startFrom[index], target, Ramp.Cosine(local / transition));
    }
}
