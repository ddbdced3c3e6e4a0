using System.Globalization;
using PostureStream.Storage.Export;
using PostureStream.Storage.Influx;
using PostureStream.Storage.Points;
using PostureStream.Storage.Sqlite;
using PostureStream.Storage.Trends;

namespace PostureStream.Storage.Stores;

/// <summary>The embedded store: <c>sqlite:PATH[?retention_days=N&amp;disk_queue_mb=N]</c> (<see cref="SqliteStore"/>).</summary>
public sealed class SqliteStoreKind : IStoreKind
{
    public const string Scheme = "sqlite";

    public string UriForms => "sqlite:PATH[?retention_days=N&disk_queue_mb=N]";

    public bool Accepts(string storeUri) => storeUri.StartsWith(Scheme + ":", StringComparison.OrdinalIgnoreCase);

    public StoreLocation Parse(string storeUri, Func<string, string?>? environment)
    {
        string rest = storeUri[(Scheme.Length + 1)..];
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
            rest = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), rest[2..]);
        }

        if (string.IsNullOrWhiteSpace(rest))
        {
            throw new StoreUriException($"store '{storeUri}' names no file; use sqlite:PATH, e.g. sqlite:{SqliteStore.DefaultPath()}");
        }

        return new StoreLocation(this, new SqliteLocation(rest, retentionDays, diskQueueMegabytes), Scheme + ":" + rest);
    }

    public IPointStore OpenStore(StoreLocation location, StoreOpenContext context)
    {
        var sqlite = Settings(location);
        return SqliteStore.Open(new SqliteStoreOptions
        {
            Path = sqlite.Path,
            Retention = sqlite.RetentionDays is int days ? TimeSpan.FromDays(days) : null,
            DiskQueueMaxBytes = sqlite.DiskQueueMegabytes is int megabytes ? megabytes * 1_000_000L : SqliteStoreOptions.DiskQueueBytesFor(context.Devices),
            MaxQueuedPoints = SqliteStoreOptions.MemoryQueueFor(context.Devices),
            MigrationProgress = context.Progress,
        }, context.Logger, context.TimeProvider);
    }

    public ITrendQueries OpenQueries(StoreLocation location) => SqliteTrendQueries.Open(Settings(location).Path);

    public IStoredPointSource OpenSource(StoreLocation location) => SqlitePointSource.Open(Settings(location).Path);

    public Programmes.IProgrammeQueries OpenProgrammeQueries(StoreLocation location) => Programmes.SqliteProgrammeQueries.Open(Settings(location).Path);

    private SqliteLocation Settings(StoreLocation location) =>
        location.Kind == this && location.Settings is SqliteLocation sqlite
            ? sqlite
            : throw new ArgumentException($"'{location}' is not a sqlite: location", nameof(location));

    private static int PositiveInteger(string storeUri, string name, string value, string valid) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number >= 1
            ? number
            : throw new StoreUriException($"store '{storeUri}': {name} '{value}' is not valid; {valid}");
}
