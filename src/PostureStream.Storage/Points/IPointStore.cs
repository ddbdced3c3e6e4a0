namespace PostureStream.Storage.Points;

/// <summary>
/// A place points go: the InfluxDB writer, the SQLite store, or several of them
/// (<see cref="CompositePointStore"/>). <see cref="Write{T}"/> must not block on I/O: the
/// pipeline calls it from its Rx hops.
/// </summary>
public interface IPointStore : IAsyncDisposable
{
    /// <summary>Queues one point; false when it was dropped (no finite field).</summary>
    bool Write<T>(in T point)
        where T : struct, IStoredPoint;

    /// <summary>Returns once everything written so far is stored.</summary>
    Task FlushAsync(CancellationToken cancellationToken);
}
