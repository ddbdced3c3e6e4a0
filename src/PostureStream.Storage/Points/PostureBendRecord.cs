using PostureStream.Storage.LineProtocol;
using PostureStream.Storage.Schema;

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

    public MeasurementDefinition Measurement => StorageSchema.PostureBend;

    public string? SeriesTag => null;

    public BodySegment? Segment => null;

    public void VisitFields<TVisitor>(ref TVisitor visitor)
        where TVisitor : struct, IFieldVisitor
    {
        visitor.Float(DurationSeconds);
        visitor.Float(PeakLumbarFlexionDegrees);
        visitor.Float(PeakPelvicRotationDegrees);
        visitor.Float(LumbarShare);
        visitor.Boolean(LumbarDominant);
    }
}
