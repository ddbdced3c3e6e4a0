using PostureStream.Storage.Influx;

namespace PostureStream.Storage.Stores;

/// <summary>
/// The registered kinds of store, asked in order which one accepts a <c>--store</c> URI (like the
/// sources' link factory). <see cref="Default"/> holds the built-in kinds: SQLite and InfluxDB.
/// </summary>
public sealed class StoreKinds
{
    private readonly List<IStoreKind> _kinds = [];

    /// <summary>The built-in kinds; add a kind of store here.</summary>
    public static StoreKinds Default { get; } = new StoreKinds()
        .Register(new SqliteStoreKind())
        .Register(new InfluxStoreKind());

    /// <summary>Every kind, in registration order.</summary>
    public IReadOnlyList<IStoreKind> All => _kinds;

    public StoreKinds Register(IStoreKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        _kinds.Add(kind);
        return this;
    }

    /// <summary>Parses <paramref name="storeUri"/> with the kind that accepts it; a URI no kind accepts throws, listing the valid forms.</summary>
    public StoreLocation Parse(string storeUri, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(storeUri);
        foreach (var kind in _kinds)
        {
            if (kind.Accepts(storeUri))
            {
                return kind.Parse(storeUri, environment);
            }
        }

        throw new StoreUriException($"store '{InfluxTargetParser.Mask(storeUri)}' has no known scheme; valid: {string.Join(", ", _kinds.Select(k => k.UriForms))}");
    }
}
