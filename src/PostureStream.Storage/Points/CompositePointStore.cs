namespace PostureStream.Storage.Points;

/// <summary>
/// Every configured store written as one (several <c>--store</c> options): each point goes to all of them,
/// with the pacing of the source that wrote it (<see cref="StorePacing"/>). There is no lock here: each
/// store is safe to write from several devices' threads, and a source waiting for a slow store must not
/// hold up the others.
/// </summary>
public sealed class CompositePointStore : IPointStore
{
    private readonly IPointStore[] _stores;

    public CompositePointStore(IEnumerable<IPointStore> stores)
    {
        ArgumentNullException.ThrowIfNull(stores);
        _stores = [.. stores];
    }

    public IReadOnlyList<IPointStore> Stores => _stores;

    /// <summary>Points accepted but lost by any store (a full disk queue or spool): the sum over the stores.</summary>
    public long PointsLost => _stores.Sum(store => store.PointsLost);

    public bool Write<T>(in T point)
        where T : struct, IStoredPoint => Write(in point, StorePacing.Spill);

    public bool Write<T>(in T point, StorePacing pacing)
        where T : struct, IStoredPoint
    {
        bool any = false;
        foreach (var store in _stores)
        {
            any |= store.Write(in point, pacing);
        }

        return any;
    }

    public Task FlushAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_stores.Select(store => store.FlushAsync(cancellationToken)));

    /// <summary>Shutting down: sources waiting for a store go on (their points spill to its disk queue).</summary>
    public void StopWaiting()
    {
        foreach (var store in _stores)
        {
            store.StopWaiting();
        }
    }

    /// <summary>Disposes every store, even when one of them fails.</summary>
    public async ValueTask DisposeAsync()
    {
        List<Exception>? errors = null;
        foreach (var store in _stores)
        {
            try
            {
                await store.DisposeAsync();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                (errors ??= []).Add(e);
            }
        }

        if (errors is not null)
        {
            throw new AggregateException("a store failed to close", errors);
        }
    }
}
