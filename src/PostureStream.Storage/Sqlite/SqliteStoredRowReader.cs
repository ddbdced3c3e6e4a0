using Microsoft.Data.Sqlite;
using PostureStream.Storage.Export;
using PostureStream.Storage.Schema;

namespace PostureStream.Storage.Sqlite;

/// <summary>
/// Reads the current row of a query whose columns are a measurement's tags, then its fields, in schema order, as a
/// <see cref="StoredRow"/>: a NULL tag is empty, a NULL field absent, a boolean field stored as 0/1 becomes a bool.
/// The export's pages and the programme queries read their rows through here, so both see stored values alike.
/// </summary>
internal static class SqliteStoredRowReader
{
    /// <param name="reader">A reader positioned on a row.</param>
    /// <param name="measurement">The measurement whose tags and fields the columns hold.</param>
    /// <param name="timeColumn">The column of the time (nanoseconds since the Unix epoch).</param>
    /// <param name="firstTagColumn">The column of the first tag; the other tags and then the fields follow it.</param>
    public static StoredRow Read(SqliteDataReader reader, MeasurementDefinition measurement, int timeColumn, int firstTagColumn)
    {
        int column = firstTagColumn;
        var tags = new string[measurement.TagKeys.Count];
        for (int i = 0; i < tags.Length; i++, column++)
        {
            tags[i] = reader.IsDBNull(column) ? string.Empty : reader.GetString(column);
        }

        var fields = new object?[measurement.Fields.Count];
        for (int i = 0; i < fields.Length; i++, column++)
        {
            fields[i] = reader.IsDBNull(column) ? null : measurement.Fields[i].Type switch
            {
                FieldType.Float => reader.GetDouble(column),
                FieldType.Integer => reader.GetInt64(column),
                FieldType.Boolean => reader.GetInt64(column) != 0,
                FieldType.String => reader.GetString(column),
            };
        }

        return new StoredRow(measurement, reader.GetInt64(timeColumn), tags, fields);
    }
}
