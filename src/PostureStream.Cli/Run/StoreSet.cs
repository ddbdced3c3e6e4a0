using PostureStream.Storage.Points;
using PostureStream.Storage.Stores;

namespace PostureStream.Cli.Run;

/// <summary>Every configured store, written as one: each point goes to all of them (DESIGN §8).</summary>
internal sealed class StoreSet : IAsyncDisposable
{
    private readonly IPointStore[] _stores;
    private readonly Lock _gate = new();

    public StoreSet(IEnumerable<IPointStore> stores) => _stores = [.. stores];

    public IReadOnlyList<IPointStore> Stores => _stores;

    public void Write<T>(in T point)
        where T : struct, IStoredPoint
    {
        // Devices run on their own threads; the stores queue in memory, so holding the lock is short.
        lock (_gate)
        {
            foreach (IPointStore store in _stores)
            {
                store.Write(in point);
            }
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
