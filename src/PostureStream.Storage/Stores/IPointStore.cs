using PostureStream.Storage.Points;

namespace PostureStream.Storage.Stores;

/// <summary>
/// Where the pipeline writes the §7 measurements: InfluxDB (through its spool) or the embedded
/// SQLite file. <c>run</c> writes every point to every configured store.
/// </summary>
public interface IPointStore : IAsyncDisposable
{
    /// <summary>What to show the user for this store (secrets masked).</summary>
    string Description { get; }

    /// <summary>Queues one point; false when it had no finite field and was dropped.</summary>
    bool Write<T>(in T point)
        where T : struct, IStoredPoint;

    /// <summary>Sends or commits everything queued so far, within the store's bounds.</summary>
    Task FlushAsync(CancellationToken cancellationToken);
}
