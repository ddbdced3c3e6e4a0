namespace PostureStream.Simulation.Scenarios;

/// <summary>The activities of detection (Detection README), as the wearer intends them (not as a detector infers them).</summary>
/// <remarks>
/// Deliberately not the shared <c>PostureStream.Vocabulary.Activity</c>: the simulator and its ground truth are an
/// independent oracle the detector is scored against, so they keep their own words and spellings (and Simulation
/// references no downstream project). The truth file happens to spell them as the stores do; the evaluation harness
/// compares the strings.
/// </remarks>
public enum Activity
{
    Standing,
    Sitting,
    Walking,
    Bending,
    Lying,
}

public static class Activities
{
    public static string Name(Activity activity) => activity switch
    {
        Activity.Standing => "standing",
        Activity.Sitting => "sitting",
        Activity.Walking => "walking",
        Activity.Bending => "bending",
        Activity.Lying => "lying",
        _ => throw new ArgumentOutOfRangeException(nameof(activity), activity, null),
    };

    /// <summary>Episode time accumulates only in these (Detection README).</summary>
    public static bool IsSittingOrStanding(Activity activity) => activity is Activity.Sitting or Activity.Standing;
}
