namespace PostureStream.Analysis;

/// <summary>
/// One stored minute of one wearer as the analysis needs it: the minute summary's seconds per activity and state and
/// its mean angles (pelvic tilt against the standing neutral, lordosis delta against the neutral of the posture).
/// </summary>
public readonly record struct MinuteDigest(
    DateTime StartUtc,
    double SecondsSitting,
    double SecondsStanding,
    double SecondsOther,
    double SecondsFlattened,
    double SecondsHyperextended,
    double MeanPelvicTiltDegrees,
    double MeanLordosisDeltaDegrees);

/// <summary>One forward bend: when, and whether it came mostly from the lower back (lumbar share over 0.6).</summary>
public readonly record struct BendDigest(DateTime TimeUtc, bool LumbarDominant);

/// <summary>
/// One standing neutral as it was taken: the pelvis sensor's pitch (the habitual standing pelvic inclination plus that
/// day's placement error) and the neutral lordosis (pelvis pitch minus lumbar pitch), degrees.
/// </summary>
public readonly record struct NeutralReading(DateTime TimeUtc, double PelvisPitchDegrees, double LordosisDegrees);

/// <summary>Builds digests from the stored per-minute summary's fields.</summary>
public static class MinuteDigests
{
    /// <summary>A digest of one per-minute summary: walking, bending and lying count as neither sitting nor standing.</summary>
    public static MinuteDigest FromSummary(
        DateTime startUtc, double secondsStanding, double secondsSitting, double secondsWalking, double secondsBending, double secondsLying,
        double secondsFlattened, double secondsHyperextended, double meanPelvicTilt, double meanLordosisDelta) =>
        new(startUtc, secondsSitting, secondsStanding, secondsWalking + secondsBending + secondsLying,
            secondsFlattened, secondsHyperextended, meanPelvicTilt, meanLordosisDelta);
}
