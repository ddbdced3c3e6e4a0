using PostureStream.Storage.LineProtocol;

namespace PostureStream.Storage.Points;

/// <summary>A <c>posture_bend</c> point: one forward bend, stamped at its peak.</summary>
public readonly record struct PostureBendRecord(
    DeviceSeries Device,
    DateTime TimeUtc,
    double DurationSeconds,
    double PeakLumbarFlexionDegrees,
    double PeakPelvicRotationDegrees,
    double LumbarShare,
    bool LumbarDominant) : IStoredPoint
{
    public bool WriteTo(LineProtocolWriter writer) => writer.WritePostureBend(in this);
}
