using System.Text;
using PostureStream.Storage.Schema;

namespace PostureStream.Storage.Sqlite;

/// <summary>
/// How the schema's measurements (Storage README, schema) map to SQLite (schema version 3, all
/// derived from <see cref="StorageSchema"/>):
/// <list type="bullet">
/// <item><c>series</c>: one row per series (device_id, device, the third tag — kind or transport — or '', and the
/// segment — lumbar, pelvis — or ''), with <c>last_ns</c>, the time of its newest point in any measurement.</item>
/// <item><c>MEASUREMENT_rows</c>: <c>time_ns</c> (INTEGER ns since the Unix epoch, UTC), <c>series</c>,
/// then one column per field typed from the schema (REAL, INTEGER, TEXT; booleans 0/1; NULL = not
/// written), keyed (time_ns, series) WITHOUT ROWID: a new point appends at the end of one B-tree,
/// however many devices are interleaved, and the same series and time is one row.</item>
/// <item>a VIEW named after each measurement with the columns users query: <c>time_ns</c>, the tags of the first
/// release in the schema's order, the fields, then the tags added later (<c>segment</c>, NULL when absent).</item>
/// </list>
/// The low-volume measurements also get an index on (series, time_ns) for per-device and
/// latest-point questions; <c>posture</c> does not, because that index is what made writing
/// thousands of interleaved devices slow.
/// </summary>
public static class SqliteSchema
{
    public const string TimeColumn = "time_ns";

    /// <summary>The column of a rows table that points into <see cref="SeriesTable"/>.</summary>
    public const string SeriesColumn = "series";

    public const string SeriesTable = "series";

    /// <summary>The column that holds a field of this type.</summary>
    public static string ColumnType(FieldType type) => type switch
    {
        FieldType.Float => "REAL",
        FieldType.String => "TEXT",
        FieldType.Integer => "INTEGER",
        FieldType.Boolean => "INTEGER",
    };

    /// <summary>The table that holds a measurement's rows (its VIEW has the measurement's name).</summary>
    public static string RowsTable(MeasurementDefinition measurement)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        return measurement.Name + "_rows";
    }

    /// <summary>The name of the measurement's third tag, beyond device, device_id and segment (kind, transport), or null.</summary>
    internal static string? SeriesTagKey(MeasurementDefinition measurement)
    {
        foreach (var tag in measurement.TagKeys)
        {
            if (tag is not (StorageSchema.DeviceTag or StorageSchema.DeviceIdTag or StorageSchema.SegmentTag))
            {
                return tag;
            }
        }

        return null;
    }

    /// <summary>The column of <c>series</c> that holds a tag: device, device_id, segment, or tag (the third tag).</summary>
    internal static string SeriesColumnOf(string tagKey) => tagKey switch
    {
        StorageSchema.DeviceTag => "device",
        StorageSchema.DeviceIdTag => "device_id",
        StorageSchema.SegmentTag => "segment",
        _ => "tag",
    };

    /// <summary>A row's series key (device_id, device, third tag or '', segment or ''), from its tags in tag-key order.</summary>
    internal static (string DeviceId, string Device, string Tag, string Segment) SeriesKey(in SqliteRow row)
    {
        string deviceId = string.Empty, device = string.Empty, tag = string.Empty, segment = string.Empty;
        var keys = row.Measurement.TagKeys;
        for (int i = 0; i < keys.Count; i++)
        {
            switch (SeriesColumnOf(keys[i]))
            {
                case "device": device = row.Tags[i]; break;
                case "device_id": deviceId = row.Tags[i]; break;
                case "segment": segment = row.Tags[i]; break;
                default: tag = row.Tags[i]; break;
            }
        }

        return (deviceId, device, tag, segment);
    }

    /// <summary>Whether a measurement is written often enough that a per-series index would slow every write (posture).</summary>
    internal static bool IsHighVolume(MeasurementDefinition measurement) => ReferenceEquals(measurement, StorageSchema.Posture);

    /// <summary>The series table of version 3: '' in <c>segment</c> (not NULL, which UNIQUE would let repeat) when there is none.</summary>
    internal const string CreateSeriesTable = """
        CREATE TABLE series (
          id INTEGER PRIMARY KEY,
          device_id TEXT NOT NULL,
          device TEXT NOT NULL,
          tag TEXT NOT NULL,
          segment TEXT NOT NULL DEFAULT '',
          last_ns INTEGER NOT NULL,
          UNIQUE (device_id, device, tag, segment)
        ) STRICT;

        """;

    /// <summary>The series table of version 2 (no segment), kept for the move from version 1, which ends at version 2.</summary>
    internal const string CreateVersion2SeriesTable = """
        CREATE TABLE series (
          id INTEGER PRIMARY KEY,
          device_id TEXT NOT NULL,
          device TEXT NOT NULL,
          tag TEXT NOT NULL,
          last_ns INTEGER NOT NULL,
          UNIQUE (device_id, device, tag)
        ) STRICT;

        """;

    /// <summary>The rows table of a measurement, its series index when it is low-volume, and its VIEW.</summary>
    internal static string CreateTableAndView(MeasurementDefinition measurement) => CreateRowsTable(measurement) + CreateView(measurement);

    /// <summary>The rows table of a measurement and its series index when it is low-volume (unchanged since version 2).</summary>
    internal static string CreateRowsTable(MeasurementDefinition measurement)
    {
        string rows = Quote(RowsTable(measurement));
        var sql = new StringBuilder();
        sql.Append("CREATE TABLE ").Append(rows).Append(" (\n  ").Append(TimeColumn).Append(" INTEGER NOT NULL,\n  ")
            .Append(SeriesColumn).Append(" INTEGER NOT NULL");
        foreach (var field in measurement.Fields)
        {
            sql.Append(",\n  ").Append(Quote(field.Name)).Append(' ').Append(ColumnType(field.Type));
        }

        sql.Append(",\n  PRIMARY KEY (").Append(TimeColumn).Append(", ").Append(SeriesColumn).Append(")\n) STRICT, WITHOUT ROWID;\n");
        if (!IsHighVolume(measurement))
        {
            sql.Append("CREATE INDEX ").Append(Quote(RowsTable(measurement) + "_series_time")).Append(" ON ").Append(rows)
                .Append(" (").Append(SeriesColumn).Append(", ").Append(TimeColumn).Append(");\n");
        }

        return sql.ToString();
    }

    /// <summary>
    /// The VIEW users query: time, the original tags, the fields, then the added tags (NULL when absent), so the
    /// columns of version 2 keep their places.
    /// </summary>
    internal static string CreateView(MeasurementDefinition measurement)
    {
        string rows = Quote(RowsTable(measurement));
        var sql = new StringBuilder();
        sql.Append("CREATE VIEW ").Append(Quote(measurement.Name)).Append(" AS SELECT r.").Append(TimeColumn).Append(" AS ").Append(TimeColumn);
        foreach (var tag in measurement.OriginalTagKeys)
        {
            sql.Append(", s.").Append(SeriesColumnOf(tag)).Append(" AS ").Append(Quote(tag));
        }

        foreach (var field in measurement.Fields)
        {
            sql.Append(", r.").Append(Quote(field.Name)).Append(" AS ").Append(Quote(field.Name));
        }

        foreach (var tag in measurement.AddedTagKeys)
        {
            sql.Append(", nullif(s.").Append(SeriesColumnOf(tag)).Append(", '') AS ").Append(Quote(tag));
        }

        sql.Append(" FROM ").Append(rows).Append(" AS r JOIN series AS s ON s.id = r.").Append(SeriesColumn).Append(";\n");
        return sql.ToString();
    }

    /// <summary>
    /// The upsert for one measurement (parameters: time, series, then the fields in order): a new
    /// row, or the fields of an existing series+time replaced by the ones given (absent fields keep
    /// their old value, like InfluxDB's merge).
    /// </summary>
    internal static string Upsert(MeasurementDefinition measurement)
    {
        var sql = new StringBuilder();
        sql.Append("INSERT INTO ").Append(Quote(RowsTable(measurement))).Append(" (").Append(TimeColumn).Append(", ").Append(SeriesColumn);
        foreach (var field in measurement.Fields)
        {
            sql.Append(", ").Append(Quote(field.Name));
        }

        sql.Append(") VALUES (?").Append(string.Concat(Enumerable.Repeat(", ?", measurement.Fields.Count + 1))).Append(')')
            .Append(" ON CONFLICT (").Append(TimeColumn).Append(", ").Append(SeriesColumn).Append(") DO UPDATE SET ")
            .AppendJoin(", ", measurement.Fields.Select(f => $"{Quote(f.Name)} = coalesce(excluded.{Quote(f.Name)}, {Quote(f.Name)})"));
        return sql.ToString();
    }

    /// <summary>CREATE TABLE of schema version 1 (one table per measurement with text tags), kept to migrate from.</summary>
    internal static string CreateVersion1Table(MeasurementDefinition measurement)
    {
        var sql = new StringBuilder();
        sql.Append("CREATE TABLE ").Append(Quote(measurement.Name)).Append(" (\n  ").Append(TimeColumn).Append(" INTEGER NOT NULL");
        foreach (var tag in measurement.OriginalTagKeys)
        {
            sql.Append(",\n  ").Append(Quote(tag)).Append(" TEXT NOT NULL");
        }

        foreach (var field in measurement.Fields)
        {
            sql.Append(",\n  ").Append(Quote(field.Name)).Append(' ').Append(ColumnType(field.Type));
        }

        sql.Append("\n) STRICT;\n");
        sql.Append("CREATE UNIQUE INDEX ").Append(Quote(measurement.Name + "_series_time")).Append(" ON ").Append(Quote(measurement.Name))
            .Append(" (device_id, ").Append(TimeColumn);
        foreach (var tag in measurement.OriginalTagKeys.Where(t => t != StorageSchema.DeviceIdTag))
        {
            sql.Append(", ").Append(Quote(tag));
        }

        sql.Append(");\n");
        sql.Append("CREATE INDEX ").Append(Quote(measurement.Name + "_time")).Append(" ON ").Append(Quote(measurement.Name))
            .Append(" (").Append(TimeColumn).Append(");\n");
        return sql.ToString();
    }

    internal static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
