using PostureStream.Storage.LineProtocol;
using PostureStream.Storage.Schema;

namespace PostureStream.Storage.Export;

/// <summary>Rows as line protocol with nanosecond timestamps, ready for POST /write (any InfluxDB) or re-import.</summary>
internal sealed class LineProtocolExportWriter : IExportWriter
{
    private readonly Stream _output;
    private readonly LineProtocolBuffer _buffer = new();
    private readonly LineProtocolWriter _writer;

    public LineProtocolExportWriter(Stream output)
    {
        _output = output;
        _writer = new LineProtocolWriter(_buffer, TimestampPrecision.Nanoseconds);
    }

    public async Task WriteAsync(IReadOnlyList<StoredRow> page, CancellationToken cancellationToken)
    {
        foreach (var row in page)
        {
            Append(row);
        }

        await _output.WriteAsync(_buffer.WrittenMemory, cancellationToken);
        _buffer.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await _output.FlushAsync();
        _buffer.Dispose();
    }

    private void Append(StoredRow row)
    {
        var measurement = row.Measurement;
        _writer.BeginPoint(measurement.Name);
        for (int i = 0; i < measurement.TagKeys.Count; i++)
        {
            _writer.Tag(measurement.TagKeys[i], row.Tags[i]);
        }

        for (int i = 0; i < measurement.Fields.Count; i++)
        {
            string name = measurement.Fields[i].Name;
            switch (row.Fields[i])
            {
                case double d:
                    _writer.Field(name, d);
                    break;
                case long l:
                    _writer.Field(name, l);
                    break;
                case bool b:
                    _writer.Field(name, b);
                    break;
                case string s:
                    _writer.Field(name, s);
                    break;
            }
        }

        _writer.EndPoint(row.UnixNanoseconds);
    }
}
