using PostureStream.Protocol;

namespace PostureStream.Simulation.Scenarios;

/// <summary>
/// One timed stretch of a scenario. Parameters left null are drawn from the seed within the ranges
/// documented on <see cref="SegmentKind"/>; the segment starts with a cosine ramp of
/// <see cref="Transition"/> from wherever the previous one ended.
/// </summary>
public sealed record ScenarioSegment(SegmentKind Kind, TimeSpan Duration)
{
    public static readonly TimeSpan DefaultTransition = TimeSpan.FromSeconds(1.5);

    /// <summary>Length of the cosine ramp at the start of the segment. Default 1.5 s; at most the duration.</summary>
    public TimeSpan Transition { get; init; } = DefaultTransition;

    /// <summary>Lordosis relative to the neutral of the posture (sitting neutral when sitting), degrees. Standing, sitting, slumped, anterior tilt and walking.</summary>
    public double? LordosisDeltaDegrees { get; init; }

    /// <summary>Walking step frequency (pelvis pitch oscillation), Hz. Default 1.8–2.0.</summary>
    public double? CadenceHz { get; init; }

    /// <summary>What fidgeting and reaching are done from: <see cref="Activity.Sitting"/> (default) or <see cref="Activity.Standing"/>.</summary>
    public Activity Base { get; init; } = Activity.Sitting;

    /// <summary>An EVENT the device sends at the start of the segment (a button press).</summary>
    public DeviceEventCode? Event { get; init; }

    /// <summary>Sensors that fail for the whole segment.</summary>
    public SensorFault Fault { get; init; }

    /// <summary>A link dropout at the start of the segment: every device frame in it is lost (a gap for the host).</summary>
    public TimeSpan Dropout { get; init; }

    /// <summary>Throws when the segment cannot be simulated.</summary>
    public void Validate(int index)
    {
        string where = $"segment {index} ({SegmentKinds.Name(Kind)})";
        if (Duration <= TimeSpan.Zero)
        {
            throw new ScenarioException($"{where}: duration must be positive, got {Duration.TotalSeconds} s");
        }

        if (Transition < TimeSpan.Zero || Transition > Duration)
        {
            throw new ScenarioException($"{where}: transition must be between 0 and the duration ({Duration.TotalSeconds} s), got {Transition.TotalSeconds} s");
        }

        if (Dropout < TimeSpan.Zero || Dropout > Duration)
        {
            throw new ScenarioException($"{where}: dropout must be between 0 and the duration, got {Dropout.TotalSeconds} s");
        }

        if (CadenceHz is { } cadence && cadence is < 0.5 or > 3.5)
        {
            throw new ScenarioException($"{where}: cadence must be 0.5–3.5 Hz, got {cadence}");
        }

        if (LordosisDeltaDegrees is { } delta && Math.Abs(delta) > 40)
        {
            throw new ScenarioException($"{where}: lordosis delta must be within ±40°, got {delta}");
        }

        if (Base is not (Activity.Sitting or Activity.Standing))
        {
            throw new ScenarioException($"{where}: base must be sitting or standing, got {Activities.Name(Base)}");
        }
    }
}
