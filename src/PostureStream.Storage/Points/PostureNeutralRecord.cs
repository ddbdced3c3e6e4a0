using PostureStream.Storage.LineProtocol;
using PostureStream.Storage.Schema;
using PostureStream.Vocabulary;

namespace PostureStream.Storage.Points;

/// <summary>
/// A <c>posture_neutral</c> point: one neutral taken, standing or sitting (<paramref name="Posture"/>), stamped when
/// it was taken, with the sensors' median pitch and roll over its quiet window in degrees.
/// </summary>
public readonly record struct PostureNeutralRecord(
    DeviceSeries Device,
    DateTime TimeUtc,
    Activity Posture,
    CalibrationMethod Method,
    double LumbarPitchDegrees,
    double LumbarRollDegrees,
    double PelvisPitchDegrees,
    double PelvisRollDegrees) : IStoredPoint
{
    public bool WriteTo(LineProtocolWriter writer) => writer.WritePoint(in this);

    public MeasurementDefinition Measurement => StorageSchema.PostureNeutral;

    public BodySegment? Segment => null;

    public string? SeriesTag => null;

    public void VisitFields<TVisitor>(ref TVisitor visitor)
        where TVisitor : struct, IFieldVisitor
    {
        visitor.Text(VocabularyText.ToUtf8(Posture));
        visitor.Text(VocabularyText.ToUtf8(Method));
        visitor.Float(LumbarPitchDegrees);
        visitor.Float(LumbarRollDegrees);
        visitor.Float(PelvisPitchDegrees);
        visitor.Float(PelvisRollDegrees);
    }
}
