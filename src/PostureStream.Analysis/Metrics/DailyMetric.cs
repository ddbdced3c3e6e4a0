namespace PostureStream.Analysis;

/// <summary>The daily figures the analysis computes; <see cref="DailyMetrics"/> says which survive recalibration.</summary>
public enum DailyMetric
{
    /// <summary>The standing neutral's pelvis pitch: the habitual standing pelvic inclination at each calibration, degrees.</summary>
    StandingPelvicInclination,

    /// <summary>Share of sitting time in the flattened state, percent.</summary>
    SittingFlattenedShare,

    /// <summary>Share of standing time in the flattened state, percent.</summary>
    StandingFlattenedShare,

    /// <summary>Share of sitting time in the hyper-extended state, percent.</summary>
    SittingHyperextendedShare,

    /// <summary>Share of standing time in the hyper-extended state, percent.</summary>
    StandingHyperextendedShare,

    /// <summary>Mean sitting lordosis delta minus mean standing lordosis delta, degrees.</summary>
    SittingMinusStandingLordosis,

    /// <summary>Share of forward bends that were lumbar-dominant, percent.</summary>
    LumbarDominantBendShare,

    /// <summary>Mean pelvic tilt while standing, against that day's standing neutral, degrees.</summary>
    StandingPelvicTilt,

    /// <summary>Mean pelvic tilt while sitting, against that day's standing neutral, degrees.</summary>
    SittingPelvicTilt,

    /// <summary>Mean lordosis delta while standing, against that day's standing neutral, degrees.</summary>
    StandingLordosisDelta,

    /// <summary>Mean lordosis delta while sitting, against that day's sitting neutral, degrees.</summary>
    SittingLordosisDelta,
}
