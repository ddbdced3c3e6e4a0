using PostureStream.Storage.Influx;

namespace PostureStream.Storage.Stores;

/// <summary>A parsed <c>--store</c> URI: a SQLite file or an InfluxDB target. See <see cref="StoreFactory.Parse"/>.</summary>
public sealed class StoreLocation
{
    private StoreLocation(string? sqlitePath, int? retentionDays, int? diskQueueMegabytes, InfluxTarget? influx)
    {
        SqlitePath = sqlitePath;
        RetentionDays = retentionDays;
        DiskQueueMegabytes = diskQueueMegabytes;
        Influx = influx;
    }

    /// <summary>The SQLite file, for <c>sqlite:PATH</c>.</summary>
    public string? SqlitePath { get; }

    /// <summary><c>sqlite:PATH?retention_days=N</c>: data older than N days is deleted.</summary>
    public int? RetentionDays { get; }

    /// <summary><c>sqlite:PATH?disk_queue_mb=N</c>: the bound of the disk queue, in MB (10^6 bytes); null for the default.</summary>
    public int? DiskQueueMegabytes { get; }

    /// <summary>The InfluxDB target, for <c>influxdb-v1:</c>, <c>influxdb-v2:</c> and <c>influxdb-v3:</c>.</summary>
    public InfluxTarget? Influx { get; }

    public bool IsSqlite => SqlitePath is not null;

    internal static StoreLocation ForSqlite(string path, int? retentionDays, int? diskQueueMegabytes = null) => new(path, retentionDays, diskQueueMegabytes, null);

    internal static StoreLocation ForInflux(InfluxTarget target) => new(null, null, null, target);

    /// <summary>The location as it may be shown (secrets masked).</summary>
    public override string ToString() => IsSqlite ? "sqlite:" + SqlitePath : Influx!.ToString();
}
