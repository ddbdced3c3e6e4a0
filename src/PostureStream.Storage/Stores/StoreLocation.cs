using PostureStream.Storage.Influx;

namespace PostureStream.Storage.Stores;

/// <summary>A parsed <c>--store</c> URI: a SQLite file or an InfluxDB target. See <see cref="StoreFactory.Parse"/>.</summary>
public sealed class StoreLocation
{
    private StoreLocation(string? sqlitePath, int? retentionDays, InfluxTarget? influx)
    {
        SqlitePath = sqlitePath;
        RetentionDays = retentionDays;
        Influx = influx;
    }

    /// <summary>The SQLite file, for <c>sqlite:PATH</c>.</summary>
    public string? SqlitePath { get; }

    /// <summary><c>sqlite:PATH?retention_days=N</c>: data older than N days is deleted.</summary>
    public int? RetentionDays { get; }

    /// <summary>The InfluxDB target, for <c>influxdb-v1:</c>, <c>influxdb-v2:</c> and <c>influxdb-v3:</c>.</summary>
    public InfluxTarget? Influx { get; }

    public bool IsSqlite => SqlitePath is not null;

    internal static StoreLocation ForSqlite(string path, int? retentionDays) => new(path, retentionDays, null);

    internal static StoreLocation ForInflux(InfluxTarget target) => new(null, null, target);

    /// <summary>The location as it may be shown (secrets masked).</summary>
    public override string ToString() => IsSqlite ? "sqlite:" + SqlitePath : Influx!.ToString();
}
