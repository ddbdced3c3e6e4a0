namespace PostureStream.Storage.Points;

/// <summary>
/// A place points go: the InfluxDB writer, the SQLite store, or several of them
/// (<see cref="CompositePointStore"/>, the one way to write to several). The pipeline calls <see cref="Write{T}(in T)"/> from its Rx
/// hops, so it must not block on I/O; only <see cref="Write{T}(in T, StorePacing)"/> with
/// <see cref="StorePacing.Wait"/> may block, and only while the store is behind.
/// </summary>
public interface IPointStore : IAsyncDisposable
{
    /// <summary>Queues one point; false when it was dropped (no finite field).</summary>
    bool Write<T>(in T point)
        where T : struct, IStoredPoint;

    /// <summary>
    /// Queues one point, and says what to do when the store is behind (see <see cref="StorePacing"/>).
    /// Stores without a bounded memory queue ignore <paramref name="pacing"/>.
    /// </summary>
    bool Write<T>(in T point, StorePacing pacing)
        where T : struct, IStoredPoint => Write(in point);

    /// <summary>Returns once everything written so far is stored.</summary>
    Task FlushAsync(CancellationToken cancellationToken);

    /// <summary>Points that were accepted but can never be stored (a full disk queue); 0 for stores that lose none.</summary>
    long PointsLost => 0;

    /// <summary>
    /// From now on, writes paced <see cref="StorePacing.Wait"/> no longer wait but are handled as
    /// <see cref="StorePacing.Spill"/>, and writers waiting now are released: called when shutting
    /// down, so a source stuck behind a broken store can still stop.
    /// </summary>
    void StopWaiting()
    {
    }
}
