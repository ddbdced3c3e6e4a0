using PostureStream.Storage.Influx;

namespace PostureStream.Storage.Stores;

/// <summary>
/// A parsed <c>--store</c> URI: the <see cref="IStoreKind"/> that accepted it and that kind's own
/// settings (<see cref="Settings"/>). See <see cref="StoreFactory.Parse"/>.
/// </summary>
public sealed class StoreLocation
{
    private readonly string _display;

    /// <param name="kind">The kind that parsed the URI and opens it.</param>
    /// <param name="settings">What that kind parsed from it (its own type).</param>
    /// <param name="display">The location as it may be shown (secrets masked).</param>
    public StoreLocation(IStoreKind kind, object settings, string display)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(settings);
        Kind = kind;
        Settings = settings;
        _display = display;
    }

    public IStoreKind Kind { get; }

    /// <summary>The kind's parsed settings: <see cref="SqliteLocation"/>, <see cref="InfluxTarget"/>, …</summary>
    public object Settings { get; }

    /// <summary>The SQLite file, for <c>sqlite:PATH</c>.</summary>
    public string? SqlitePath => (Settings as SqliteLocation)?.Path;

    /// <summary><c>sqlite:PATH?retention_days=N</c>: data older than N days is deleted.</summary>
    public int? RetentionDays => (Settings as SqliteLocation)?.RetentionDays;

    /// <summary><c>sqlite:PATH?disk_queue_mb=N</c>: the bound of the disk queue, in MB (10^6 bytes); null for the default.</summary>
    public int? DiskQueueMegabytes => (Settings as SqliteLocation)?.DiskQueueMegabytes;

    /// <summary>The InfluxDB target, for <c>influxdb-v1:</c>, <c>influxdb-v2:</c> and <c>influxdb-v3:</c>.</summary>
    public InfluxTarget? Influx => Settings as InfluxTarget;

    public bool IsSqlite => Settings is SqliteLocation;

    /// <summary>The location as it may be shown (secrets masked).</summary>
    public override string ToString() => _display;
}
