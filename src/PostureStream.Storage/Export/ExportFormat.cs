namespace PostureStream.Storage.Export;

/// <summary>What <c>export</c> writes.</summary>
public enum ExportFormat
{
    /// <summary>InfluxDB line protocol, nanosecond timestamps (the format's default precision).</summary>
    LineProtocol,

    /// <summary>CSV with a header; see <see cref="CsvExportWriter"/> for the columns.</summary>
    Csv,
}
