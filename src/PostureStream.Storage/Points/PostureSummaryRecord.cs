using PostureStream.Storage.LineProtocol;

namespace PostureStream.Storage.Points;

/// <summary>A <c>posture_summary</c> point: one minute of one device, stamped at the minute's start.</summary>
public readonly record struct PostureSummaryRecord(
    DeviceSeries Device,
    DateTime TimeUtc,
    double SecondsNeutral,
    double SecondsFlattened,
    double SecondsHyperextended,
    double SecondsUncalibrated,
    double SecondsStanding,
    double SecondsSitting,
    double SecondsWalking,
    double SecondsBending,
    double SecondsLying,
    double MeanPelvicTiltDegrees,
    double MinPelvicTiltDegrees,
    double MaxPelvicTiltDegrees,
    double MeanLordosisDeltaDegrees,
    double MinLordosisDeltaDegrees,
    double MaxLordosisDeltaDegrees,
    long Samples,
    long Gaps) : IStoredPoint
{
    public bool WriteTo(LineProtocolWriter writer) => writer.WritePostureSummary(in this);
}
