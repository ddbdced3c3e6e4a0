using System.Globalization;
using PostureStream.Storage.Export;
using PostureStream.Storage.Points;
using PostureStream.Storage.Schema;
using PostureStream.Storage.Sqlite;

namespace PostureStream.Storage.Programmes;

/// <summary>
/// Stored rows (as either store reads them back, typed by the schema) into programme, session and neutral rows. One
/// mapping for both stores, so they answer alike; a row whose words the vocabulary does not hold is skipped.
/// </summary>
internal static class ProgrammeRowMapper
{
    public static ProgrammeRow? Programme(StoredRow row)
    {
        var f = Fields(row, StorageSchema.Programme);
        if (!VocabularyText.TryParse(row.Tags[2], out ExerciseKind kind)
            || f("programme_id") is not long id
            || !TryDate(f("start_date"), out DateOnly start))
        {
            return null;
        }

        DateOnly? end = TryDate(f("end_date"), out DateOnly e) ? e : null;
        string targets = f("targets") as string ?? string.Empty;
        return new ProgrammeRow(
            row.Tags[1], row.Tags[0], id, f("name") as string ?? string.Empty, kind,
            [.. targets.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
            start, end, (int)(f("sessions_per_week") as long? ?? 0));
    }

    public static SessionRow? Session(StoredRow row)
    {
        var f = Fields(row, StorageSchema.ProgrammeSession);
        if (f("programme_id") is not long id || !VocabularyText.TryParse(f("source") as string, out SessionSource source))
        {
            return null;
        }

        return new SessionRow(
            SqliteRowMapper.FromUnixNanoseconds(row.UnixNanoseconds), row.Tags[1], row.Tags[0], id,
            TimeSpan.FromSeconds(f("duration_s") as double? ?? 0), f("note") as string, source);
    }

    public static NeutralRow? Neutral(StoredRow row)
    {
        var f = Fields(row, StorageSchema.PostureNeutral);
        if (!VocabularyText.TryParse(f("activity") as string, out Activity posture)
            || !VocabularyText.TryParse(f("method") as string, out CalibrationMethod method))
        {
            return null;
        }

        return new NeutralRow(
            SqliteRowMapper.FromUnixNanoseconds(row.UnixNanoseconds), row.Tags[1], row.Tags[0], posture, method,
            f("lumbar_pitch") as double? ?? double.NaN, f("lumbar_roll") as double? ?? double.NaN,
            f("pelvis_pitch") as double? ?? double.NaN, f("pelvis_roll") as double? ?? double.NaN);
    }

    private static Func<string, object?> Fields(StoredRow row, MeasurementDefinition measurement)
    {
        if (!ReferenceEquals(row.Measurement, measurement))
        {
            throw new ArgumentException($"a {row.Measurement.Name} row is not a {measurement.Name} row", nameof(row));
        }

        return name => row.Fields[IndexOf(measurement, name)];
    }

    private static int IndexOf(MeasurementDefinition measurement, string name)
    {
        for (int i = 0; i < measurement.Fields.Count; i++)
        {
            if (measurement.Fields[i].Name == name)
            {
                return i;
            }
        }

        throw new ArgumentException($"{measurement.Name} has no field {name}", nameof(name));
    }

    private static bool TryDate(object? text, out DateOnly date) =>
        DateOnly.TryParseExact(text as string, ProgrammeRecord.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
