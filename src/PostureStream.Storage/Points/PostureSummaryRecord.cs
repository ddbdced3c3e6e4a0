using PostureStream.Storage.LineProtocol;
using PostureStream.Storage.Schema;

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

    public MeasurementDefinition Measurement => StorageSchema.PostureSummary;

    public string? SeriesTag => null;

    public BodySegment? Segment => null;

    public void VisitFields<TVisitor>(ref TVisitor visitor)
        where TVisitor : struct, IFieldVisitor
    {
        visitor.Float(SecondsNeutral);
        visitor.Float(SecondsFlattened);
        visitor.Float(SecondsHyperextended);
        visitor.Float(SecondsUncalibrated);
        visitor.Float(SecondsStanding);
        visitor.Float(SecondsSitting);
        visitor.Float(SecondsWalking);
        visitor.Float(SecondsBending);
        visitor.Float(SecondsLying);
        visitor.Float(MeanPelvicTiltDegrees);
        visitor.Float(MinPelvicTiltDegrees);
        visitor.Float(MaxPelvicTiltDegrees);
        visitor.Float(MeanLordosisDeltaDegrees);
        visitor.Float(MinLordosisDeltaDegrees);
        visitor.Float(MaxLordosisDeltaDegrees);
        visitor.Integer(Samples);
        visitor.Integer(Gaps);
    }
}
