namespace PostureStream.Simulation.Scenarios;

/// <summary>What the wearer does during a segment. The names in <see cref="SegmentKinds"/> are used in scenario files and the truth.</summary>
public enum SegmentKind
{
    /// <summary>Quiet standing in the wearer's own neutral (or with a small lordosis offset).</summary>
    Standing,

    /// <summary>Standing with an anteriorly tilted pelvis: lordosis +10° to +14° over the standing neutral.</summary>
    AnteriorTiltStanding,

    /// <summary>Upright sitting: the sitting neutral (pelvis 15–20° posterior, lordosis about 12° lower than standing).</summary>
    Sitting,

    /// <summary>Slumped sitting: lordosis 15–20° below the sitting neutral (flattened).</summary>
    SlumpedSitting,

    /// <summary>Walking: pelvis pitch oscillates at the step frequency (about 1.9 Hz), the lumbar sensor with it.</summary>
    Walking,

    /// <summary>A forward bend that hinges at the hips: mostly pelvic rotation, lumbar share about 0.5.</summary>
    HipHingeBend,

    /// <summary>A forward bend from the back: lumbar flexion over 35° with a lumbar share over 0.6.</summary>
    LumbarBend,

    /// <summary>Lying on the back: both sensors 80–90° from upright.</summary>
    Lying,

    /// <summary>Small, short shifts (1–2.5°) around the base posture.</summary>
    Fidgeting,

    /// <summary>Short forward reaches (2 s) from the base posture, well short of a bend.</summary>
    Reaching,
}

/// <summary>The kinds' names in scenario files and truth, and what each means for a detector.</summary>
public static class SegmentKinds
{
    private static readonly (SegmentKind Kind, string Name)[] Names =
    [
        (SegmentKind.Standing, "standing"),
        (SegmentKind.AnteriorTiltStanding, "anterior-tilt-standing"),
        (SegmentKind.Sitting, "sitting"),
        (SegmentKind.SlumpedSitting, "slumped-sitting"),
        (SegmentKind.Walking, "walking"),
        (SegmentKind.HipHingeBend, "hip-hinge-bend"),
        (SegmentKind.LumbarBend, "lumbar-bend"),
        (SegmentKind.Lying, "lying"),
        (SegmentKind.Fidgeting, "fidgeting"),
        (SegmentKind.Reaching, "reaching"),
    ];

    public static IEnumerable<string> AllNames => Names.Select(n => n.Name);

    public static string Name(SegmentKind kind) => Names.First(n => n.Kind == kind).Name;

    public static bool TryParse(string name, out SegmentKind kind)
    {
        foreach (var (k, n) in Names)
        {
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static bool IsBend(SegmentKind kind) => kind is SegmentKind.HipHingeBend or SegmentKind.LumbarBend;

    /// <summary>Kinds whose posture is built on a base of sitting or standing.</summary>
    public static bool HasBase(SegmentKind kind) => kind is SegmentKind.Fidgeting or SegmentKind.Reaching;
}
