using Microsoft.Extensions.Logging;
using PostureStream.Storage.Export;
using PostureStream.Storage.Points;
using PostureStream.Storage.Sqlite;
using PostureStream.Storage.Trends;

namespace PostureStream.Storage.Stores;

/// <summary>
/// Opens stores from <c>--store</c> URIs (README, using it) through the registered kinds
/// (<see cref="StoreKinds.Default"/>): <c>sqlite:PATH[?retention_days=N&amp;disk_queue_mb=N]</c>,
/// <c>influxdb-v1:http://HOST:8086?db=D…</c>, <c>influxdb-v2:…?org=O&amp;bucket=B…</c>,
/// <c>influxdb-v3:…?db=D…</c>. A bad URI throws <see cref="Influx.StoreUriException"/> naming the value
/// and the valid forms.
/// </summary>
public static class StoreFactory
{
    public const string SqliteScheme = SqliteStoreKind.Scheme;

    /// <summary>The store <c>run</c> uses without <c>--store</c>: <c>sqlite:</c> + <see cref="SqliteStore.DefaultPath"/>.</summary>
    public static string DefaultStoreUri(string? dataHome = null) => SqliteScheme + ":" + SqliteStore.DefaultPath(dataHome);

    public static StoreLocation Parse(string storeUri, Func<string, string?>? environment = null) => StoreKinds.Default.Parse(storeUri, environment);

    /// <summary>Opens a store for writing (a SQLite file is created when missing; an InfluxDB writer spools under the XDG data directory).</summary>
    public static IPointStore OpenStore(string storeUri, ILogger? logger = null, TimeProvider? timeProvider = null, Func<string, string?>? environment = null, string? spoolRoot = null, int devices = 1) =>
        OpenStore(Parse(storeUri, environment), new StoreOpenContext(logger, timeProvider, spoolRoot, devices));

    /// <param name="spoolRoot">Where InfluxDB spools live (default: the XDG data directory's posturestream/spool).</param>
    /// <param name="devices">The devices that will write: without <c>disk_queue_mb</c>, SQLite's disk queue holds a day of data for each.</param>
    public static IPointStore OpenStore(StoreLocation location, ILogger? logger = null, TimeProvider? timeProvider = null, string? spoolRoot = null, int devices = 1) =>
        OpenStore(location, new StoreOpenContext(logger, timeProvider, spoolRoot, devices));

    public static IPointStore OpenStore(StoreLocation location, StoreOpenContext context)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(context);
        return location.Kind.OpenStore(location, context);
    }

    /// <summary>The trend queries over a store (a SQLite file must exist).</summary>
    public static ITrendQueries OpenQueries(string storeUri, Func<string, string?>? environment = null) => OpenQueries(Parse(storeUri, environment));

    public static ITrendQueries OpenQueries(StoreLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.Kind.OpenQueries(location);
    }

    /// <summary>Programmes, sessions and neutrals of a store (a SQLite file must exist).</summary>
    public static Programmes.IProgrammeQueries OpenProgrammeQueries(StoreLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.Kind.OpenProgrammeQueries(location);
    }

    /// <summary>A reader of stored points page by page, for export (a SQLite file must exist).</summary>
    public static IStoredPointSource OpenSource(StoreLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.Kind.OpenSource(location);
    }
}
