using PostureStream.Storage.Influx;
using PostureStream.Storage.Points;

namespace PostureStream.Cli.Run;

/// <summary>
/// Every configured store, written as one: each point goes to all of them (README, using it). Each source
/// writes with its own <see cref="StorePacing"/>: <c>file:</c> and <c>sim:</c> wait while a store is
/// behind, live sources spill to its disk queue (see <see cref="PacingFor"/>).
/// </summary>
internal sealed class StoreSet : IAsyncDisposable
{
    private readonly IPointStore[] _stores;

    public StoreSet(IEnumerable<IPointStore> stores) => _stores = [.. stores];

    public IReadOnlyList<IPointStore> Stores => _stores;

    /// <summary>Points accepted but lost by any store (a full disk queue or spool): non-zero makes <c>run</c> exit 1.</summary>
    public long PointsLost => _stores.Sum(store => store switch
    {
        InfluxWriter influx => influx.Metrics.LinesDroppedSpoolFull,
        _ => store.PointsLost,
    });

    /// <summary>Sources that can be read more slowly wait for a store that is behind; live ones must not stop reading.</summary>
    public static StorePacing PacingFor(bool live) => live ? StorePacing.Spill : StorePacing.Wait;

    /// <summary>
    /// Writes to every store. No lock here: each store is safe to write from several devices' threads,
    /// and a source waiting for a slow store must not hold up the others.
    /// </summary>
    public void Write<T>(in T point, StorePacing pacing)
        where T : struct, IStoredPoint
    {
        foreach (IPointStore store in _stores)
        {
            store.Write(in point, pacing);
        }
    }

    /// <summary>Shutting down: sources waiting for a store go on (their points spill to its disk queue).</summary>
    public void StopWaiting()
    {
        foreach (IPointStore store in _stores)
        {
            store.StopWaiting();
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (IPointStore store in _stores)
        {
            await store.FlushAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (IPointStore store in _stores)
        {
            await store.DisposeAsync();
        }
    }
}
