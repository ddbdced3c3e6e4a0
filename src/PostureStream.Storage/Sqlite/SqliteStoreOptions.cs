namespace PostureStream.Storage.Sqlite;

/// <summary>How a <see cref="SqliteStore"/> batches and how long it keeps data.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The database file (required). See <see cref="SqliteStore.DefaultPath"/>.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>Points per transaction: a batch is committed when it reaches this size (default 2,000).</summary>
    public int BatchSize { get; set; } = 2000;

    /// <summary>A partial batch is committed after at most this long (default 1 s).</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Points held in memory while commits fail (disk full, file locked) before new ones are
    /// dropped and counted (default 1,000,000, about 200 MB).
    /// </summary>
    public int MaxQueuedPoints { get; set; } = 1_000_000;

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

        if (MaxQueuedPoints <= 0)
        {
            throw new ArgumentException($"MaxQueuedPoints must be positive, not {MaxQueuedPoints}", nameof(MaxQueuedPoints));
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
