using System.Text.Json;

namespace PostureStream.Storage.Trends;

/// <summary>One series of a /query answer: its tags (when grouped) and its rows by column.</summary>
public sealed class InfluxSeries
{
    private readonly Dictionary<string, int> _columnIndex;

    private InfluxSeries(string name, IReadOnlyDictionary<string, string> tags, IReadOnlyList<string> columns, IReadOnlyList<JsonElement[]> rows)
    {
        Name = name;
        Tags = tags;
        Columns = columns;
        Rows = rows;
        _columnIndex = columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
    }

    public string Name { get; }

    public IReadOnlyDictionary<string, string> Tags { get; }

    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<JsonElement[]> Rows { get; }

    /// <summary>The value of <paramref name="column"/> in a row, or the row's series tag of that name; null when absent.</summary>
    public JsonElement? Get(JsonElement[] row, string column)
    {
        if (_columnIndex.TryGetValue(column, out int index) && row[index].ValueKind != JsonValueKind.Null)
        {
            return row[index];
        }

        return null;
    }

    public string? GetString(JsonElement[] row, string column) =>
        Get(row, column)?.GetString() ?? (Tags.TryGetValue(column, out var tag) ? tag : null);

    public double GetDouble(JsonElement[] row, string column) => Get(row, column)?.GetDouble() ?? double.NaN;

    public long? GetInt64(JsonElement[] row, string column) =>
        Get(row, column) is { } value ? (value.TryGetInt64(out long exact) ? exact : (long)value.GetDouble()) : null;

    public bool GetBoolean(JsonElement[] row, string column) => Get(row, column) is { ValueKind: JsonValueKind.True };

    public long GetTime(JsonElement[] row) => Get(row, "time")!.Value.GetInt64();

    internal static InfluxSeries From(JsonElement series)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (series.TryGetProperty("tags", out var tagObject))
        {
            foreach (var tag in tagObject.EnumerateObject())
            {
                tags[tag.Name] = tag.Value.GetString() ?? string.Empty;
            }
        }

        var columns = series.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToArray();
        var rows = new List<JsonElement[]>();
        if (series.TryGetProperty("values", out var values))
        {
            foreach (var row in values.EnumerateArray())
            {
                rows.Add([.. row.EnumerateArray().Select(v => v.Clone())]);
            }
        }

        return new InfluxSeries(series.TryGetProperty("name", out var name) ? name.GetString() ?? string.Empty : string.Empty, tags, columns, rows);
    }
}
