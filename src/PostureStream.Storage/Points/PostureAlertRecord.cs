using PostureStream.Storage.LineProtocol;
using PostureStream.Storage.Schema;

namespace PostureStream.Storage.Points;

/// <summary>A <c>posture_alert</c> point: one per raised, reminder or cleared event.</summary>
public readonly record struct PostureAlertRecord(
    DeviceSeries Device,
    DateTime TimeUtc,
    AlertKind Kind,
    AlertPhase Phase,
    DateTime EpisodeStartUtc,
    double DurationSeconds,
    double PeakDeltaDegrees,
    Activity Activity,
    bool Buzzed) : IStoredPoint
{
    /// <summary>The <c>episode_start_us</c> field: microseconds since the Unix epoch.</summary>
    public long EpisodeStartUnixMicroseconds => (EpisodeStartUtc.Ticks - DateTime.UnixEpoch.Ticks) / 10;

    public bool WriteTo(LineProtocolWriter writer) => writer.WritePostureAlert(in this);

    public MeasurementDefinition Measurement => StorageSchema.PostureAlert;

    public string? SeriesTag => VocabularyText.ToText(Kind);

    public BodySegment? Segment => null;

    public void VisitFields<TVisitor>(ref TVisitor visitor)
        where TVisitor : struct, IFieldVisitor
    {
        visitor.Text(VocabularyText.ToUtf8(Phase));
        visitor.Integer(EpisodeStartUnixMicroseconds);
        visitor.Float(DurationSeconds);
        visitor.Float(PeakDeltaDegrees);
        visitor.Text(VocabularyText.ToUtf8(Activity));
        visitor.Boolean(Buzzed);
    }
}
