using PostureStream.Simulation.Scenarios;

namespace PostureStream.Simulation.Physiology;

/// <summary>A scenario segment with every random choice made and its place on the true-time axis.</summary>
public sealed class PlannedSegment
{
    internal PlannedSegment(int index, ScenarioSegment definition, Activity activity, TimeSpan start, ISegmentMotion motion, WearerAnatomy anatomy)
    {
        Index = index;
        Definition = definition;
        Activity = activity;
        Start = start;
        Motion = motion;
        PostureAngles nominal = motion.Nominal;
        PostureAngles standing = anatomy.StandingNeutral;
        NominalPelvicTiltDegrees = nominal.PelvisPitch - standing.PelvisPitch;
        NominalLumbarFlexionDegrees = nominal.LumbarPitch - standing.LumbarPitch;
        NominalLordosisDeltaDegrees = nominal.Lordosis - anatomy.NeutralFor(activity).Lordosis;
    }

    public int Index { get; }

    public ScenarioSegment Definition { get; }

    public SegmentKind Kind => Definition.Kind;

    public Activity Activity { get; }

    /// <summary>True time from the start of the scenario.</summary>
    public TimeSpan Start { get; }

    public TimeSpan End => Start + Definition.Duration;

    /// <summary>pelvis pitch − standing-neutral pelvis pitch of the held posture (a bend's peak).</summary>
    public double NominalPelvicTiltDegrees { get; }

    /// <summary>lumbar pitch − standing-neutral lumbar pitch of the held posture.</summary>
    public double NominalLumbarFlexionDegrees { get; }

    /// <summary>lordosis − the neutral lordosis of the activity (sitting neutral when sitting, else standing).</summary>
    public double NominalLordosisDeltaDegrees { get; }

    internal ISegmentMotion Motion { get; }

    /// <summary>
    /// The intended posture label: flattened (lordosis delta ≤ −10°), hyperextended (≥ +8°) or neutral,
    /// per the start thresholds (Detection README); "lying" and "bending" where no lordosis rule applies.
    /// </summary>
    public string PostureName => Activity switch
    {
        Activity.Lying => "lying",
        Activity.Bending => "bending",
        _ => NominalLordosisDeltaDegrees <= -10 ? "flattened" : NominalLordosisDeltaDegrees >= 8 ? "hyperextended" : "neutral",
    };
}
