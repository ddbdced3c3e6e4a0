using PostureStream.Storage.Export;
using PostureStream.Storage.Points;
using PostureStream.Storage.Trends;

namespace PostureStream.Storage.Stores;

/// <summary>
/// One kind of store behind <c>--store</c> URIs: which URIs it answers to, how it parses them, and
/// how it opens for writing, for the trend questions and for export. A new kind of store is one
/// class implementing this and one <see cref="StoreKinds.Register"/> line.
/// </summary>
public interface IStoreKind
{
    /// <summary>The URI forms, as shown in the message for a URI no kind accepts.</summary>
    string UriForms { get; }

    /// <summary>True when <paramref name="storeUri"/> is this kind's (by its scheme); its parameters are checked by <see cref="Parse"/>.</summary>
    bool Accepts(string storeUri);

    /// <summary>Parses a URI this kind <see cref="Accepts"/>; throws <see cref="Influx.StoreUriException"/> naming a bad part.</summary>
    StoreLocation Parse(string storeUri, Func<string, string?>? environment);

    /// <summary>Opens the store for writing.</summary>
    IPointStore OpenStore(StoreLocation location, StoreOpenContext context);

    /// <summary>Opens the trend questions over the store.</summary>
    ITrendQueries OpenQueries(StoreLocation location);

    /// <summary>Opens the questions about programmes, sessions and neutrals.</summary>
    Programmes.IProgrammeQueries OpenProgrammeQueries(StoreLocation location);

    /// <summary>Opens a page-by-page reader of stored points, for export.</summary>
    IStoredPointSource OpenSource(StoreLocation location);
}
