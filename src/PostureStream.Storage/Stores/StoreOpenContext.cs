using Microsoft.Extensions.Logging;

namespace PostureStream.Storage.Stores;

/// <summary>What every kind of store may use when it opens for writing.</summary>
/// <param name="Logger">Where the store says what it does (null: nowhere).</param>
/// <param name="TimeProvider">The clock of its timers (null: the system clock).</param>
/// <param name="SpoolRoot">Where InfluxDB spools live (null: the XDG data directory's posturestream/spool).</param>
/// <param name="Devices">The devices that will write: without <c>disk_queue_mb</c>, SQLite's disk queue holds a day of data for each.</param>
/// <param name="Progress">Long work at open (a schema migration of a large file) reports here (null: not shown).</param>
public sealed record StoreOpenContext(
    ILogger? Logger = null,
    TimeProvider? TimeProvider = null,
    string? SpoolRoot = null,
    int Devices = 1,
    IProgress<StoreOpenProgress>? Progress = null);
