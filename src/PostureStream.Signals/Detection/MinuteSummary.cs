namespace PostureStream.Signals.Detection;

/// <summary>
/// One minute of one device (<c>posture_summary</c>, Storage README, schema), stamped at the minute's start.
/// A sample belongs to the UTC minute of its stamp and counts for the device-time interval since the
/// previous sample (nothing for the first sample of a stream or after a gap), so a full minute of
/// continuous samples sums to exactly 60 s. Means/min/max are over samples where the value exists
/// (NaN when none did).
/// </summary>
public readonly record struct MinuteSummary(
    DeviceIdentity Device,
    DateTime MinuteStartUtc,
    double SecondsNeutral,
    double SecondsFlattened,
    double SecondsHyperextended,
    double SecondsUncalibrated,
    double SecondsSensorFault,
    double SecondsStanding,
    double SecondsSitting,
    double SecondsWalking,
    double SecondsBending,
    double SecondsLying,
    double SecondsUnknown,
    double MeanPelvicTilt,
    double MinPelvicTilt,
    double MaxPelvicTilt,
    double MeanLordosisDelta,
    double MinLordosisDelta,
    double MaxLordosisDelta,
    long Samples,
    long Gaps)
{
    /// <summary>Seconds in all states together: the observed time of the minute.</summary>
    public double SecondsObserved => SecondsNeutral + SecondsFlattened + SecondsHyperextended + SecondsUncalibrated + SecondsSensorFault;
}
