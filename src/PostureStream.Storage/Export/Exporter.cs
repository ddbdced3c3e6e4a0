namespace PostureStream.Storage.Export;

/// <summary>Copies a range of a store to a stream as line protocol or CSV, page by page.</summary>
public static class Exporter
{
    /// <summary>Writes the points in [from, to); reports the running count to <paramref name="progress"/> after each page. Returns the count.</summary>
    public static async Task<long> ExportAsync(
        IStoredPointSource source,
        DateTime fromUtc,
        DateTime toUtc,
        ExportFormat format,
        Stream output,
        IProgress<long>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(output);
        long written = 0;
        await using IExportWriter writer = format switch
        {
            ExportFormat.LineProtocol => new LineProtocolExportWriter(output),
            ExportFormat.Csv => new CsvExportWriter(output),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not an export format"),
        };
        await foreach (var page in source.ReadPagesAsync(fromUtc, toUtc, cancellationToken))
        {
            await writer.WriteAsync(page, cancellationToken);
            written += page.Count;
            progress?.Report(written);
        }

        return written;
    }
}
