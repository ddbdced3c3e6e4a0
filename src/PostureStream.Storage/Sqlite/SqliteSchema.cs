using System.Text;
using PostureStream.Storage.Schema;

namespace PostureStream.Storage.Sqlite;

/// <summary>
/// How the schema's measurements (Storage README, schema) map to SQLite tables: one table per measurement, named after it, with
/// <c>time_ns</c> (INTEGER nanoseconds since the Unix epoch, UTC), the tag columns
/// (<c>device</c>, <c>device_id</c>, and <c>kind</c> or <c>transport</c>), then one column per
/// field typed by <see cref="StorageSchema"/> (REAL, INTEGER, TEXT; booleans as INTEGER 0/1).
/// A field that was not written (NaN, unknown battery) is NULL.
/// </summary>
public static class SqliteSchema
{
    public const string TimeColumn = "time_ns";

    /// <summary>The column that holds a field of this type.</summary>
    public static string ColumnType(FieldType type) => type switch
    {
        FieldType.Float => "REAL",
        FieldType.String => "TEXT",
        _ => "INTEGER",
    };

    /// <summary>CREATE TABLE for one measurement (schema version 1).</summary>
    internal static string CreateTable(MeasurementDefinition measurement)
    {
        var sql = new StringBuilder();
        sql.Append("CREATE TABLE ").Append(Quote(measurement.Name)).Append(" (\n  ").Append(TimeColumn).Append(" INTEGER NOT NULL");
        foreach (var tag in measurement.TagKeys)
        {
            sql.Append(",\n  ").Append(Quote(tag)).Append(" TEXT NOT NULL");
        }

        foreach (var field in measurement.Fields)
        {
            sql.Append(",\n  ").Append(Quote(field.Name)).Append(' ').Append(ColumnType(field.Type));
        }

        sql.Append("\n) STRICT;\n");

        // A series is the measurement plus all its tags; the same series and time overwrite (as in InfluxDB).
        sql.Append("CREATE UNIQUE INDEX ").Append(Quote(measurement.Name + "_series_time")).Append(" ON ").Append(Quote(measurement.Name))
            .Append(" (device_id, ").Append(TimeColumn);
        foreach (var tag in measurement.TagKeys.Where(t => t != StorageSchema.DeviceIdTag))
        {
            sql.Append(", ").Append(Quote(tag));
        }

        sql.Append(");\n");

        // Range queries over all devices (trends, export, retention).
        sql.Append("CREATE INDEX ").Append(Quote(measurement.Name + "_time")).Append(" ON ").Append(Quote(measurement.Name))
            .Append(" (").Append(TimeColumn).Append(");\n");
        return sql.ToString();
    }

    /// <summary>
    /// The upsert for one measurement: a new row, or the fields of an existing series+time
    /// replaced by the ones given (absent fields keep their old value, like InfluxDB's merge).
    /// </summary>
    internal static string Upsert(MeasurementDefinition measurement)
    {
        var columns = new List<string> { TimeColumn };
        columns.AddRange(measurement.TagKeys);
        columns.AddRange(measurement.Fields.Select(f => f.Name));
        var sql = new StringBuilder();
        sql.Append("INSERT INTO ").Append(Quote(measurement.Name)).Append(" (").AppendJoin(", ", columns.Select(Quote)).Append(") VALUES (")
            .AppendJoin(", ", columns.Select((_, i) => "$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))).Append(')')
            .Append(" ON CONFLICT (device_id, ").Append(TimeColumn);
        foreach (var tag in measurement.TagKeys.Where(t => t != StorageSchema.DeviceIdTag))
        {
            sql.Append(", ").Append(Quote(tag));
        }

        sql.Append(") DO UPDATE SET ")
            .AppendJoin(", ", measurement.Fields.Select(f => $"{Quote(f.Name)} = coalesce(excluded.{Quote(f.Name)}, {Quote(f.Name)})"));
        return sql.ToString();
    }

    internal static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
