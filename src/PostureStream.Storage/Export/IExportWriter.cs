namespace PostureStream.Storage.Export;

/// <summary>Writes exported rows in one format to a stream.</summary>
internal interface IExportWriter : IAsyncDisposable
{
    Task WriteAsync(IReadOnlyList<StoredRow> page, CancellationToken cancellationToken);
}
