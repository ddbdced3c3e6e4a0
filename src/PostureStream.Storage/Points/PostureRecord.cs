using PostureStream.Storage.LineProtocol;
using PostureStream.Storage.Schema;

namespace PostureStream.Storage.Points;

/// <summary>
/// A <c>posture</c> point (10/s/device). Angles in degrees; NaN marks a value that is not
/// available (its field is left out).
/// </summary>
public readonly record struct PostureRecord(
    DeviceSeries Device,
    DateTime TimeUtc,
    double LumbarPitchDegrees,
    double LumbarRollDegrees,
    double PelvisPitchDegrees,
    double PelvisRollDegrees,
    double PelvicTiltDegrees,
    double LumbarFlexionDegrees,
    double LordosisDeltaDegrees,
    Activity Activity,
    PostureState State) : IStoredPoint
{
    public bool WriteTo(LineProtocolWriter writer) => writer.WritePosture(in this);

    public MeasurementDefinition Measurement => StorageSchema.Posture;

    public string? SeriesTag => null;

    public BodySegment? Segment => null;

    public void VisitFields<TVisitor>(ref TVisitor visitor)
        where TVisitor : struct, IFieldVisitor
    {
        visitor.Float(LumbarPitchDegrees);
        visitor.Float(LumbarRollDegrees);
        visitor.Float(PelvisPitchDegrees);
        visitor.Float(PelvisRollDegrees);
        visitor.Float(PelvicTiltDegrees);
        visitor.Float(LumbarFlexionDegrees);
        visitor.Float(LordosisDeltaDegrees);
        visitor.Text(VocabularyText.ToUtf8(Activity));
        visitor.Text(VocabularyText.ToUtf8(State));
    }
}
