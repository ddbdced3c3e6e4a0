namespace PostureStream.Storage.Export;

/// <summary>Reads a store's points back page by page, so an export never holds a whole range in memory.</summary>
public interface IStoredPointSource : IDisposable
{
    /// <summary>What to show the user for this store (secrets masked).</summary>
    string Description { get; }

    /// <summary>How many points lie in [from, to) (for progress).</summary>
    Task<long> CountAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);

    /// <summary>The points in [from, to): measurement by measurement (schema order), oldest first, in pages.</summary>
    IAsyncEnumerable<IReadOnlyList<StoredRow>> ReadPagesAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);
}
