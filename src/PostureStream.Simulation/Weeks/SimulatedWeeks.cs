namespace PostureStream.Simulation.Weeks;

/// <summary>
/// One simulated minute, with the fields of the stored per-minute summary the pattern analysis reads: seconds per
/// activity and per state, and the minute's mean pelvic tilt and lordosis delta against the day's neutrals.
/// </summary>
public readonly record struct SimulatedMinute(
    DateTime StartUtc,
    double SecondsStanding,
    double SecondsSitting,
    double SecondsWalking,
    double SecondsBending,
    double SecondsNeutral,
    double SecondsFlattened,
    double SecondsHyperextended,
    double MeanPelvicTilt,
    double MeanLordosisDelta);

/// <summary>One simulated forward bend at its peak.</summary>
public readonly record struct SimulatedBend(DateTime TimeUtc, double LumbarShare, bool LumbarDominant);

/// <summary>
/// One standing neutral as the product takes it: the pelvis and lumbar sensors' pitch during 5 s of quiet standing,
/// which include that day's placement error.
/// </summary>
public readonly record struct SimulatedNeutral(DateTime TimeUtc, double PelvisPitch, double LumbarPitch)
{
    public double Lordosis => PelvisPitch - LumbarPitch;
}

/// <summary>What was true: the type, the pattern the summary should name, the habitual standing inclination per day and the programme.</summary>
public sealed record WeeksTruth(
    WearerType Type,
    string Pattern,
    IReadOnlyList<double> HabitualStandingInclination,
    DateOnly? ProgrammeStart,
    double EffectDegrees,
    int RampDays);

/// <summary>A simulated multi-week wearer: minutes, bends, neutrals and the ground truth.</summary>
public sealed record SimulatedWeeks(
    WeeksProfile Profile,
    IReadOnlyList<SimulatedMinute> Minutes,
    IReadOnlyList<SimulatedBend> Bends,
    IReadOnlyList<SimulatedNeutral> Neutrals,
    WeeksTruth Truth);
