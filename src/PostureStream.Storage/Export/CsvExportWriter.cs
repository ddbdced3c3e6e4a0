using System.Globalization;
using System.Text;
using PostureStream.Storage.Schema;

namespace PostureStream.Storage.Export;

/// <summary>
/// Rows as CSV (RFC 4180, UTF-8, <c>\n</c> line ends), one row per point. Columns:
/// <c>measurement,time,device,device_id,kind,transport</c>, then every field name of the
/// schema once, in schema order (a field shared by measurements, such as <c>activity</c> or
/// <c>samples</c>, has one column), then the tags added later (<c>segment</c>), last so the earlier columns keep
/// their places. <c>time</c> is UTC ISO 8601 with 9 fractional digits (nanoseconds); cells
/// a measurement does not have, or a point did not write, are empty; floats use the invariant
/// round-trip format, booleans are true/false.
/// </summary>
internal sealed class CsvExportWriter : IExportWriter
{
    private static readonly string[] TagColumns = [StorageSchema.DeviceTag, StorageSchema.DeviceIdTag, StorageSchema.KindTag, StorageSchema.TransportTag];

    /// <summary>Tags added to measurements after the first release, in the order they were added: the last columns.</summary>
    private static readonly string[] AddedTagColumns = [.. StorageSchema.All.SelectMany(m => m.AddedTagKeys).Distinct(StringComparer.Ordinal)];
    private readonly StreamWriter _output;
    private readonly Dictionary<string, int> _fieldColumn = new(StringComparer.Ordinal);
    private readonly StringBuilder _line = new();
    private bool _headerWritten;

    public CsvExportWriter(Stream output)
    {
        _output = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        foreach (var field in StorageSchema.All.SelectMany(m => m.Fields))
        {
            _fieldColumn.TryAdd(field.Name, _fieldColumn.Count);
        }
    }

    /// <summary>The header row's column names.</summary>
    public static IReadOnlyList<string> Columns =>
        ["measurement", "time", .. TagColumns, .. StorageSchema.All.SelectMany(m => m.Fields).Select(f => f.Name).Distinct(StringComparer.Ordinal), .. AddedTagColumns];

    public async Task WriteAsync(IReadOnlyList<StoredRow> page, CancellationToken cancellationToken)
    {
        if (!_headerWritten)
        {
            await _output.WriteLineAsync(string.Join(',', Columns));
            _headerWritten = true;
        }

        var cells = new string[_fieldColumn.Count];
        foreach (var row in page)
        {
            Array.Fill(cells, string.Empty);
            for (int i = 0; i < row.Measurement.Fields.Count; i++)
            {
                cells[_fieldColumn[row.Measurement.Fields[i].Name]] = Format(row.Fields[i]);
            }

            _line.Clear();
            _line.Append(row.Measurement.Name).Append(',');
            AppendTime(_line, row.UnixNanoseconds);
            AppendTags(row, TagColumns);
            foreach (var cell in cells)
            {
                _line.Append(',').Append(cell);
            }

            AppendTags(row, AddedTagColumns);

            await _output.WriteLineAsync(_line, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_headerWritten)
        {
            await _output.WriteLineAsync(string.Join(',', Columns));
        }

        await _output.DisposeAsync();
    }

    private void AppendTags(StoredRow row, string[] columns)
    {
        foreach (var tag in columns)
        {
            int index = IndexOf(row.Measurement.TagKeys, tag);
            _line.Append(',').Append(Quote(index < 0 ? string.Empty : row.Tags[index]));
        }
    }

    /// <summary>UTC ISO 8601 with all nine digits of the nanoseconds, so no stored time is rounded.</summary>
    private static void AppendTime(StringBuilder line, long unixNanoseconds)
    {
        long seconds = Math.DivRem(unixNanoseconds, 1_000_000_000, out long nanoseconds);
        if (nanoseconds < 0)
        {
            seconds--;
            nanoseconds += 1_000_000_000;
        }

        line.Append(DateTime.UnixEpoch.AddSeconds(seconds).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture))
            .Append('.').Append(nanoseconds.ToString("D9", CultureInfo.InvariantCulture)).Append('Z');
    }

    private static int IndexOf(IReadOnlyList<string> keys, string key)
    {
        for (int i = 0; i < keys.Count; i++)
        {
            if (keys[i] == key)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        string s => Quote(s),
        _ => Quote(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
    };

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
