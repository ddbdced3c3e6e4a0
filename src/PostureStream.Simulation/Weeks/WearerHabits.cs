namespace PostureStream.Simulation.Weeks;

/// <summary>
/// The habitual posture of a wearer type per context, against the calibrated neutrals: the mean lordosis delta
/// (positive = more arched) and pelvic tilt while sitting and standing, and how often a bend comes from the lower back.
/// Standing habits differ from the 5 s calibration stance: through the day a flattener slumps and an extender arches.
/// </summary>
internal readonly record struct WearerHabits(
    double SittingLordosisDelta,
    double StandingLordosisDelta,
    double SittingPelvicTilt,
    double StandingPelvicTilt,
    double LumbarBendProbability,
    string Pattern)
{
    public static WearerHabits Of(WearerType type) => type switch
    {
        WearerType.TightHamstring => new(-9.5, -7.5, -20, -2, 0.7, "flattening"),
        WearerType.WeakHamstring => new(7.0, 7.5, -11, 2, 0.25, "hyper-extension"),
        WearerType.Mixed => new(-9.5, 7.5, -20, 2, 0.5, "mixed by context"),
        WearerType.Balanced => new(-1.0, 0.5, -15, 0, 0.35, "no clear pattern"),
    };

    /// <summary>These habits with each deviation scaled (a wearer's individual strength of the pattern).</summary>
    public WearerHabits Scaled(double factor) => this with
    {
        SittingLordosisDelta = SittingLordosisDelta * factor,
        StandingLordosisDelta = StandingLordosisDelta * factor,
    };
}
