using PostureStream.Storage.Points;
using System.Globalization;
using Microsoft.Extensions.Logging;
using PostureStream.Storage.Export;
using PostureStream.Storage.Influx;
using PostureStream.Storage.Sqlite;
using PostureStream.Storage.Trends;

namespace PostureStream.Storage.Stores;

/// <summary>
/// Opens stores from <c>--store</c> URIs (README, using it): <c>sqlite:PATH[?retention_days=N&amp;disk_queue_mb=N]</c>,
/// <c>influxdb-v1:http://HOST:8086?db=D…</c>, <c>influxdb-v2:…?org=O&amp;bucket=B…</c>,
/// <c>influxdb-v3:…?db=D…</c>. A bad URI throws <see cref="StoreUriException"/> naming the value
/// and the valid forms.
/// </summary>
public static class StoreFactory
{
    public const string SqliteScheme = "sqlite";

    private const string ValidForms =
        "sqlite:PATH[?retention_days=N&disk_queue_mb=N], influxdb-v1:http://HOST:8086?db=D, influxdb-v2:http://HOST:8086?org=O&bucket=B&token=T or influxdb-v3:http://HOST:8181?db=D&token=T";

    /// <summary>The store <c>run</c> uses without <c>--store</c>: <c>sqlite:</c> + <see cref="SqliteStore.DefaultPath"/>.</summary>
    public static string DefaultStoreUri(string? dataHome = null) => SqliteScheme + ":" + SqliteStore.DefaultPath(dataHome);

    public static StoreLocation Parse(string storeUri, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(storeUri);
        if (InfluxTarget.IsInfluxUri(storeUri))
        {
            return StoreLocation.ForInflux(InfluxTarget.Parse(storeUri, environment));
        }

        if (!storeUri.StartsWith(SqliteScheme + ":", StringComparison.OrdinalIgnoreCase))
        {
            throw new StoreUriException($"store '{InfluxTargetParser.Mask(storeUri)}' has no known scheme; valid: {ValidForms}");
        }

        string rest = storeUri[(SqliteScheme.Length + 1)..];
        int? retentionDays = null;
        int? diskQueueMegabytes = null;
        int question = rest.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            foreach (var part in rest[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var pair = part.Split('=', 2);
                string value = pair.Length < 2 ? string.Empty : pair[1];
                switch (pair[0])
                {
                    case "retention_days":
                        retentionDays = PositiveInteger(storeUri, "retention_days", value, "give whole days, at least 1");
                        break;
                    case "disk_queue_mb":
                        diskQueueMegabytes = PositiveInteger(storeUri, "disk_queue_mb", value, "give whole megabytes, at least 1");
                        break;
                    default:
                        throw new StoreUriException($"store '{storeUri}': '{pair[0]}' is not a parameter of sqlite:; valid: retention_days=N (whole days, at least 1), disk_queue_mb=N (whole megabytes, at least 1)");
                }
            }

            rest = rest[..question];
        }

        if (rest.StartsWith("~/", StringComparison.Ordinal))
        {
            rest = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), rest[2..]);
        }

        if (string.IsNullOrWhiteSpace(rest))
        {
            throw new StoreUriException($"store '{storeUri}' names no file; use sqlite:PATH, e.g. sqlite:{SqliteStore.DefaultPath()}");
        }

        return StoreLocation.ForSqlite(rest, retentionDays, diskQueueMegabytes);
    }

    private static int PositiveInteger(string storeUri, string name, string value, string valid) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number >= 1
            ? number
            : throw new StoreUriException($"store '{storeUri}': {name} '{value}' is not valid; {valid}");

    /// <summary>Opens a store for writing (a SQLite file is created when missing; an InfluxDB writer spools under the XDG data directory).</summary>
    public static IPointStore OpenStore(string storeUri, ILogger? logger = null, TimeProvider? timeProvider = null, Func<string, string?>? environment = null, string? spoolRoot = null, int devices = 1) =>
        OpenStore(Parse(storeUri, environment), logger, timeProvider, spoolRoot, devices);

    /// <param name="spoolRoot">Where InfluxDB spools live (default: the XDG data directory's posturestream/spool).</param>
    /// <param name="devices">The devices that will write: without <c>disk_queue_mb</c>, SQLite's disk queue holds a day of data for each.</param>
    public static IPointStore OpenStore(StoreLocation location, ILogger? logger = null, TimeProvider? timeProvider = null, string? spoolRoot = null, int devices = 1)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (location.IsSqlite)
        {
            return SqliteStore.Open(new SqliteStoreOptions
            {
                Path = location.SqlitePath!,
                Retention = location.RetentionDays is int days ? TimeSpan.FromDays(days) : null,
                DiskQueueMaxBytes = location.DiskQueueMegabytes is int megabytes ? megabytes * 1_000_000L : SqliteStoreOptions.DiskQueueBytesFor(devices),
            }, logger, timeProvider);
        }

        var target = location.Influx!;
        var writer = new InfluxWriter(target, new InfluxWriterOptions
        {
            SpoolDirectory = spoolRoot is null ? InfluxWriterOptions.DefaultSpoolDirectory(target) : InfluxWriterOptions.SpoolDirectoryUnder(target, spoolRoot),
        }, logger, timeProvider);
        return writer;
    }

    /// <summary>The trend queries over a store (a SQLite file must exist).</summary>
    public static ITrendQueries OpenQueries(string storeUri, Func<string, string?>? environment = null) => OpenQueries(Parse(storeUri, environment));

    public static ITrendQueries OpenQueries(StoreLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.IsSqlite
            ? SqliteTrendQueries.Open(location.SqlitePath!)
            : new InfluxTrendQueries(new InfluxQueryClient(location.Influx!));
    }

    /// <summary>A reader of stored points page by page, for export (a SQLite file must exist).</summary>
    public static IStoredPointSource OpenSource(StoreLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.IsSqlite
            ? SqlitePointSource.Open(location.SqlitePath!)
            : new InfluxPointSource(new InfluxQueryClient(location.Influx!));
    }
}
