using PostureStream.Storage.LineProtocol;
using PostureStream.Storage.Schema;
using PostureStream.Vocabulary;

namespace PostureStream.Storage.Points;

/// <summary>A <c>programme_session</c> point: one exercise session of a programme, stamped when it was done.</summary>
public readonly record struct ProgrammeSessionRecord(
    DeviceSeries Device,
    DateTime TimeUtc,
    long ProgrammeId,
    TimeSpan Duration,
    string? Note,
    SessionSource Source) : IStoredPoint
{
    public bool WriteTo(LineProtocolWriter writer) => writer.WritePoint(in this);

    public MeasurementDefinition Measurement => StorageSchema.ProgrammeSession;

    public BodySegment? Segment => null;

    public string? SeriesTag => null;

    public void VisitFields<TVisitor>(ref TVisitor visitor)
        where TVisitor : struct, IFieldVisitor
    {
        visitor.Integer(ProgrammeId);
        visitor.Float(Duration.TotalSeconds);
        StoredText.Visit(ref visitor, Note);
        visitor.Text(VocabularyText.ToUtf8(Source));
    }
}
