namespace PostureStream.Storage.Sqlite;

/// <summary>How a <see cref="SqliteStore"/> batches, how much it holds while behind, and how long it keeps data.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The database file (required). See <see cref="SqliteStore.DefaultPath"/>.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>Points waiting that make the commit thread start a transaction without waiting for the flush interval (default 2,000).</summary>
    public int BatchSize { get; set; } = 2000;

    /// <summary>
    /// The most points one transaction takes (default 50,000). A commit takes everything waiting up to this, so a
    /// store that falls behind writes bigger transactions and catches up; the points being committed count
    /// against <see cref="MaxQueuedPoints"/> until they are stored.
    /// </summary>
    public int MaxBatchSize { get; set; } = 50_000;

    /// <summary>A partial batch is committed after at most this long (default 1 s).</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Points held in memory, waiting or being committed (default 100,000, about 35 MB). When it is full the
    /// store is behind: a write paced <see cref="Points.StorePacing.Wait"/> waits for room, one paced
    /// <see cref="Points.StorePacing.Spill"/> goes to the disk queue.
    /// </summary>
    public int MaxQueuedPoints { get; set; } = 100_000;

    /// <summary>
    /// The disk queue's folder (default null: the database path + <c>-queue</c>, beside the file,
    /// like its <c>-wal</c>). Created when first needed; data left in it is stored on the next open.
    /// </summary>
    public string? DiskQueueDirectory { get; set; }

    /// <summary>
    /// Bound of the disk queue's files (default <see cref="BytesPerWearerDay"/>: a day of one
    /// wearer's data). When it is full, points that would go to it are lost and counted
    /// (<see cref="SqliteStore.PointsLost"/>). At least 64 KiB.
    /// </summary>
    public long DiskQueueMaxBytes { get; set; } = BytesPerWearerDay;

    /// <summary>
    /// Told how far a schema migration at open has come (default null: not shown). Moving a large
    /// file to a new row layout takes a while; the CLI prints it on stderr.
    /// </summary>
    public IProgress<Stores.StoreOpenProgress>? MigrationProgress { get; set; }

    /// <summary>Rows moved per transaction when an older file is migrated at open (default 50,000; small in crash tests).</summary>
    public int MigrationChunkRows { get; set; } = SqliteLayoutMigration.DefaultChunkRows;

    /// <summary>How often "store behind" and "points lost" are repeated while they last (default 1 min).</summary>
    public TimeSpan ReportInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// 128 MiB: one wearer's day in the disk queue. A device at 100 Hz stores 10 <c>posture</c>
    /// points a second, 864,000 a day, about 124 bytes each in the queue (time, tags, 9 fields), plus
    /// 1,440 summaries, 8,640 link_stats and the status points: about 110 MB, rounded up for long
    /// device names.
    /// </summary>
    public const long BytesPerWearerDay = 128L << 20;

    /// <summary>The default disk-queue bound for a run with <paramref name="devices"/> configured devices: a day of data each.</summary>
    public static long DiskQueueBytesFor(int devices) => BytesPerWearerDay * Math.Max(1, devices);

    /// <summary>
    /// The memory bound for a run with <paramref name="devices"/> configured devices: about 20 s of each one's points
    /// (200), at least 10,000 and at most the default 100,000. A replay of one device needs no more to keep the
    /// commits full, and its peak memory stays small; thousands of live devices get 2 s of slack before the disk queue.
    /// </summary>
    public static int MemoryQueueFor(int devices) => (int)Math.Clamp(200L * devices, 10_000, 100_000);

    /// <summary>The disk queue's folder: <see cref="DiskQueueDirectory"/>, or the database path + <c>-queue</c>.</summary>
    public string ResolveDiskQueueDirectory() =>
        DiskQueueDirectory ?? System.IO.Path.GetFullPath(Path) + "-queue";

    /// <summary>Tests only: runs on the committing thread before each transaction, to make the store slow on purpose.</summary>
    internal Action? BeforeCommit { get; set; }

    /// <summary>Tests only: runs (under the queue's lock) when a writer starts waiting for room.</summary>
    internal Action? WriterWaits { get; set; }

    /// <summary>Data older than this is deleted, at open and then every <see cref="RetentionCheckInterval"/> (default null: kept forever).</summary>
    public TimeSpan? Retention { get; set; }

    /// <summary>How often retention runs while the store is open (default 1 h).</summary>
    public TimeSpan RetentionCheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Path))
        {
            throw new ArgumentException("Path is required: the SQLite database file", nameof(Path));
        }

        if (BatchSize <= 0)
        {
            throw new ArgumentException($"BatchSize must be positive, not {BatchSize}", nameof(BatchSize));
        }

        if (MaxBatchSize < BatchSize)
        {
            throw new ArgumentException($"MaxBatchSize must be at least BatchSize ({BatchSize}), not {MaxBatchSize}", nameof(MaxBatchSize));
        }

        if (MigrationChunkRows <= 0)
        {
            throw new ArgumentException($"MigrationChunkRows must be positive, not {MigrationChunkRows}", nameof(MigrationChunkRows));
        }

        if (MaxQueuedPoints <= 0)
        {
            throw new ArgumentException($"MaxQueuedPoints must be positive, not {MaxQueuedPoints}", nameof(MaxQueuedPoints));
        }

        if (DiskQueueMaxBytes < 64 * 1024)
        {
            throw new ArgumentException($"DiskQueueMaxBytes must be at least 65536 (64 KiB), not {DiskQueueMaxBytes}", nameof(DiskQueueMaxBytes));
        }

        if (ReportInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException($"ReportInterval must be positive, not {ReportInterval}", nameof(ReportInterval));
        }

        if (FlushInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException($"FlushInterval must be positive, not {FlushInterval}", nameof(FlushInterval));
        }

        if (Retention is { } retention && retention <= TimeSpan.Zero)
        {
            throw new ArgumentException($"Retention must be positive (or null to keep everything), not {retention}", nameof(Retention));
        }

        if (RetentionCheckInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException($"RetentionCheckInterval must be positive, not {RetentionCheckInterval}", nameof(RetentionCheckInterval));
        }
    }
}
