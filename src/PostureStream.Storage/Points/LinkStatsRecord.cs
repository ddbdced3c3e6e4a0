using PostureStream.Storage.LineProtocol;
using PostureStream.Storage.Schema;

namespace PostureStream.Storage.Points;

/// <summary>
/// A <c>link_stats</c> point: counts over the last 10 s of one device's link. <see cref="Segment"/> names the sensor
/// link of a wearer made of two sensors (one series per segment); null for a PSP device's one link.
/// </summary>
public readonly record struct LinkStatsRecord(
    DeviceSeries Device,
    DateTime TimeUtc,
    Transport Transport,
    long Frames,
    long Samples,
    long CrcErrors,
    long CobsErrors,
    long OtherErrors,
    long LostFrames,
    long Resyncs,
    long Reconnects,
    BodySegment? Segment = null) : IStoredPoint
{
    public bool WriteTo(LineProtocolWriter writer) => writer.WriteLinkStats(in this);

    public MeasurementDefinition Measurement => StorageSchema.LinkStats;

    public string? SeriesTag => VocabularyText.ToText(Transport);

    public void VisitFields<TVisitor>(ref TVisitor visitor)
        where TVisitor : struct, IFieldVisitor
    {
        visitor.Integer(Frames);
        visitor.Integer(Samples);
        visitor.Integer(CrcErrors);
        visitor.Integer(CobsErrors);
        visitor.Integer(OtherErrors);
        visitor.Integer(LostFrames);
        visitor.Integer(Resyncs);
        visitor.Integer(Reconnects);
    }
}
