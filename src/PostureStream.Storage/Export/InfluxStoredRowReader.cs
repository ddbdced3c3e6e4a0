using System.Text.Json;
using PostureStream.Storage.Schema;
using PostureStream.Storage.Trends;

namespace PostureStream.Storage.Export;

/// <summary>
/// One row of an InfluxQL result as a <see cref="StoredRow"/>: tags in the schema's order (absent → empty), fields typed
/// by <see cref="StorageSchema"/> rather than by how JSON spelled them (absent → null). Shared by export and the
/// programme queries.
/// </summary>
internal static class InfluxStoredRowReader
{
    public static StoredRow Read(MeasurementDefinition measurement, InfluxSeries series, JsonElement[] row)
    {
        var tags = measurement.TagKeys.Select(k => series.GetString(row, k) ?? string.Empty).ToArray();
        var fields = new object?[measurement.Fields.Count];
        for (int i = 0; i < fields.Length; i++)
        {
            var field = measurement.Fields[i];
            fields[i] = series.Get(row, field.Name) is not { } value ? null : field.Type switch
            {
                FieldType.Float => value.GetDouble(),
                FieldType.Integer => series.GetInt64(row, field.Name),
                FieldType.Boolean => value.ValueKind == JsonValueKind.True,
                FieldType.String => value.GetString(),
            };
        }

        return new StoredRow(measurement, series.GetTime(row), tags, fields);
    }
}
