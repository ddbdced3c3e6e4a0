using System.Globalization;
using System.Text;
using PostureStream.Storage.LineProtocol;
using PostureStream.Storage.Schema;
using PostureStream.Vocabulary;

namespace PostureStream.Storage.Points;

/// <summary>
/// A <c>programme</c> point: an exercise programme of one wearer (device), from <paramref name="Start"/> to the
/// optional <paramref name="End"/> (local dates, inclusive). Stamped at 00:00 UTC of the start date, so ending it is
/// the same point written again with <paramref name="End"/> set, and an export of the range that holds its start holds it.
/// </summary>
/// <param name="ProgrammeId">The number the CLI and the dashboard name it by (unique in a store).</param>
/// <param name="Targets">The target muscles, comma-separated ("hamstrings,hip flexors").</param>
public readonly record struct ProgrammeRecord(
    DeviceSeries Device,
    long ProgrammeId,
    string Name,
    ExerciseKind Kind,
    string Targets,
    DateOnly Start,
    DateOnly? End,
    int SessionsPerWeek) : IStoredPoint
{
    /// <summary>How dates are written in <c>start_date</c> and <c>end_date</c>.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    public DateTime TimeUtc => Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public bool WriteTo(LineProtocolWriter writer) => writer.WritePoint(in this);

    public MeasurementDefinition Measurement => StorageSchema.Programme;

    public BodySegment? Segment => null;

    public string? SeriesTag => VocabularyText.ToText(Kind);

    public void VisitFields<TVisitor>(ref TVisitor visitor)
        where TVisitor : struct, IFieldVisitor
    {
        visitor.Integer(ProgrammeId);
        StoredText.Visit(ref visitor, Name);
        StoredText.Visit(ref visitor, Targets);
        visitor.Text(Encoding.ASCII.GetBytes(Start.ToString(DateFormat, CultureInfo.InvariantCulture)));
        StoredText.Visit(ref visitor, End?.ToString(DateFormat, CultureInfo.InvariantCulture));
        visitor.Integer(SessionsPerWeek);
    }
}
