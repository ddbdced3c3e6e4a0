using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PostureStream.Storage.Points;
using PostureStream.Storage.Schema;
using PostureStream.Storage.Stores;

namespace PostureStream.Storage.Sqlite;

/// <summary>
/// The embedded store: the §7 measurements in one SQLite file (WAL mode), one table per
/// measurement (see <see cref="SqliteSchema"/>). <see cref="Write{T}"/> only queues the point;
/// queued points are committed in one transaction when <see cref="SqliteStoreOptions.BatchSize"/>
/// are waiting, every <see cref="SqliteStoreOptions.FlushInterval"/>, and on
/// <see cref="FlushAsync"/> and <see cref="DisposeAsync"/>. A point with the same series and time
/// as a stored one overwrites its fields, as in InfluxDB.
/// </summary>
public sealed class SqliteStore : IPointStore
{
    private readonly SqliteStoreOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _upserts = new(StringComparer.Ordinal);
    private readonly Lock _queueGate = new();
    private readonly SemaphoreSlim _commitGate = new(1, 1);
    private readonly ITimer _flushTimer;
    private readonly ITimer? _retentionTimer;
    private List<SqliteRow> _queue = [];
    private bool _commitScheduled;
    private bool _disposed;
    private long _pointsCommitted;
    private long _pointsWithoutFields;
    private long _failedCommits;
    private long _pointsDropped;

    private SqliteStore(SqliteStoreOptions options, ILogger? logger, TimeProvider? timeProvider)
    {
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _connection = SqliteConnections.OpenForWriting(options.Path);
        try
        {
            PreviousSchemaVersion = SqliteMigrations.Migrate(_connection, options.Path);
        }
        catch
        {
            _connection.Dispose();
            throw;
        }

        foreach (var measurement in StorageSchema.All)
        {
            var command = _connection.CreateCommand();
            command.CommandText = SqliteSchema.Upsert(measurement);
            int count = 1 + measurement.TagKeys.Count + measurement.Fields.Count;
            for (int i = 0; i < count; i++)
            {
                command.Parameters.Add(new SqliteParameter("$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), null));
            }

            _upserts[measurement.Name] = command;
        }

        if (options.Retention is not null)
        {
            ApplyRetention();
            _retentionTimer = _time.CreateTimer(_ => RunRetentionSafely(), null, options.RetentionCheckInterval, options.RetentionCheckInterval);
        }

        _flushTimer = _time.CreateTimer(_ => ScheduleCommit(), null, options.FlushInterval, options.FlushInterval);
    }

    /// <summary>The file this store writes.</summary>
    public string Path => _options.Path;

    public string Description => "sqlite:" + _options.Path;

    /// <summary>The schema version the file had before it was opened (0 for a new file).</summary>
    public int PreviousSchemaVersion { get; }

    /// <summary>Points committed so far.</summary>
    public long PointsCommitted => Interlocked.Read(ref _pointsCommitted);

    /// <summary>Points dropped because none of their fields was finite.</summary>
    public long PointsWithoutFields => Interlocked.Read(ref _pointsWithoutFields);

    /// <summary>Points dropped because <see cref="SqliteStoreOptions.MaxQueuedPoints"/> were already waiting for a failing commit.</summary>
    public long PointsDropped => Interlocked.Read(ref _pointsDropped);

    /// <summary>Background commits that failed (logged; <see cref="FlushAsync"/> throws instead).</summary>
    public long FailedCommits => Interlocked.Read(ref _failedCommits);

    /// <summary>Opens (creating and migrating when needed) the store file.</summary>
    public static SqliteStore Open(SqliteStoreOptions options, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new SqliteStore(options, logger, timeProvider);
    }

    /// <summary>
    /// Where <c>run</c> keeps its data when given no <c>--store</c>: <c>posturestream.db</c> in the
    /// platform's data directory (<see cref="DefaultDataDirectory"/>), or under <paramref name="dataHome"/>/posturestream.
    /// </summary>
    public static string DefaultPath(string? dataHome = null) =>
        System.IO.Path.Combine(string.IsNullOrEmpty(dataHome) ? DefaultDataDirectory.Resolve() : System.IO.Path.Combine(dataHome, "posturestream"), "posturestream.db");

    public bool Write<T>(in T point)
        where T : struct, IStoredPoint
    {
        if (SqliteRowMapper.Map(in point) is not { } row)
        {
            Interlocked.Increment(ref _pointsWithoutFields);
            return false;
        }

        bool commitNow;
        lock (_queueGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_queue.Count >= _options.MaxQueuedPoints)
            {
                // Commits have been failing for a while: bound the memory, count the loss.
                if (Interlocked.Increment(ref _pointsDropped) == 1)
                {
                    _logger.LogError("SQLite store {Path}: {Count} points wait for a commit that keeps failing; new points are dropped until it succeeds", _options.Path, _queue.Count);
                }

                return true;
            }

            _queue.Add(row);
            commitNow = _queue.Count >= _options.BatchSize && !_commitScheduled;
            _commitScheduled |= commitNow;
        }

        if (commitNow)
        {
            ScheduleCommit();
        }

        return true;
    }

    /// <summary>Commits everything queued so far; throws when the commit fails.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _commitGate.WaitAsync(cancellationToken);
        try
        {
            CommitQueued();
        }
        finally
        {
            _commitGate.Release();
        }
    }

    /// <summary>Deletes every point older than <paramref name="cutoffUtc"/>; returns how many rows went.</summary>
    public int DeleteOlderThan(DateTime cutoffUtc)
    {
        long cutoff = SqliteRowMapper.ToUnixNanoseconds(cutoffUtc);
        _commitGate.Wait();
        try
        {
            using var transaction = _connection.BeginTransaction();
            int deleted = 0;
            foreach (var measurement in StorageSchema.All)
            {
                using var command = _connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = $"DELETE FROM {SqliteSchema.Quote(measurement.Name)} WHERE {SqliteSchema.TimeColumn} < $cutoff";
                command.Parameters.AddWithValue("$cutoff", cutoff);
                deleted += command.ExecuteNonQuery();
            }

            transaction.Commit();
            return deleted;
        }
        finally
        {
            _commitGate.Release();
        }
    }

    /// <summary>Deletes what <see cref="SqliteStoreOptions.Retention"/> no longer keeps (nothing when it is null).</summary>
    public int ApplyRetention() =>
        _options.Retention is { } retention ? DeleteOlderThan(_time.GetUtcNow().UtcDateTime - retention) : 0;

    public async ValueTask DisposeAsync()
    {
        lock (_queueGate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        await _flushTimer.DisposeAsync();
        if (_retentionTimer is not null)
        {
            await _retentionTimer.DisposeAsync();
        }

        await _commitGate.WaitAsync();
        try
        {
            CommitQueued();
        }
        catch (SqliteException e)
        {
            int lost;
            lock (_queueGate)
            {
                lost = _queue.Count;
            }

            _logger.LogError("SQLite store {Path}: the last commit failed at close, {Count} points are lost: {Message}", _options.Path, lost, e.Message);
        }
        finally
        {
            foreach (var command in _upserts.Values)
            {
                command.Dispose();
            }

            // Folds the WAL back into the main file so a copied .db is complete.
            try
            {
                SqliteConnections.Execute(_connection, "PRAGMA wal_checkpoint(TRUNCATE);");
            }
            catch (SqliteException e)
            {
                _logger.LogWarning("SQLite store {Path}: checkpoint at close failed: {Message}", _options.Path, e.Message);
            }

            await _connection.DisposeAsync();
            _commitGate.Release();
            _commitGate.Dispose();
        }
    }

    private void ScheduleCommit() => _ = Task.Run(CommitInBackgroundAsync);

    private async Task CommitInBackgroundAsync()
    {
        try
        {
            await _commitGate.WaitAsync();
        }
        catch (ObjectDisposedException)
        {
            // A timer tick that raced with dispose: dispose has committed everything.
            return;
        }

        try
        {
            if (!Volatile.Read(ref _disposed))
            {
                CommitQueued();
            }
        }
        catch (SqliteException e)
        {
            Interlocked.Increment(ref _failedCommits);
            _logger.LogError("SQLite store {Path}: commit failed, points kept for the next attempt: {Message}", _options.Path, e.Message);
        }
        finally
        {
            _commitGate.Release();
        }
    }

    /// <summary>Commits the queue in one transaction. Caller holds the commit gate.</summary>
    private void CommitQueued()
    {
        List<SqliteRow> rows;
        lock (_queueGate)
        {
            _commitScheduled = false;
            if (_queue.Count == 0)
            {
                return;
            }

            rows = _queue;
            _queue = new List<SqliteRow>(Math.Min(rows.Count, _options.BatchSize));
        }

        try
        {
            using var transaction = _connection.BeginTransaction();
            foreach (var row in rows)
            {
                var command = _upserts[row.Measurement.Name];
                command.Transaction = transaction;
                var parameters = command.Parameters;
                parameters[0].Value = row.UnixNanoseconds;
                int p = 1;
                foreach (var tag in row.Tags)
                {
                    parameters[p++].Value = tag;
                }

                foreach (var field in row.Fields)
                {
                    parameters[p++].Value = field ?? DBNull.Value;
                }

                command.ExecuteNonQuery();
            }

            transaction.Commit();
            Interlocked.Add(ref _pointsCommitted, rows.Count);
        }
        catch
        {
            // Put the rows back in front, so a later commit stores them in order.
            lock (_queueGate)
            {
                rows.AddRange(_queue);
                _queue = rows;
            }

            throw;
        }
    }

    private void RunRetentionSafely()
    {
        try
        {
            if (!Volatile.Read(ref _disposed))
            {
                int deleted = ApplyRetention();
                _logger.LogInformation("SQLite store {Path}: retention deleted {Rows} rows", _options.Path, deleted);
            }
        }
        catch (Exception e) when (e is SqliteException or ObjectDisposedException)
        {
            _logger.LogWarning("SQLite store {Path}: retention failed: {Message}", _options.Path, e.Message);
        }
    }
}
