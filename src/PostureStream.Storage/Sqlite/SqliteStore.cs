using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PostureStream.Storage.Points;
using PostureStream.Storage.Schema;
using PostureStream.Storage.Spool;
using PostureStream.Storage.Stores;

namespace PostureStream.Storage.Sqlite;

/// <summary>
/// The embedded store: the schema's measurements (Storage README, schema) in one SQLite file (WAL mode), one table per
/// measurement (see <see cref="SqliteSchema"/>). <see cref="Write{T}(in T, StorePacing)"/> only
/// queues the point in memory; a commit thread of its own writes what is waiting in one transaction,
/// as soon as <see cref="SqliteStoreOptions.BatchSize"/> points wait and every
/// <see cref="SqliteStoreOptions.FlushInterval"/>. A store that falls behind finds more waiting and
/// so writes bigger transactions (up to <see cref="SqliteStoreOptions.MaxBatchSize"/>), in time
/// order (<see cref="SqliteBatchOrder"/>): each page of the newest part of a table is then written
/// once for many points, which is what lets one file keep up with thousands of devices. A point with the same series
/// and time as a stored one overwrites its fields, as in InfluxDB.
/// <para>
/// Never dropping a point: the memory queue is bounded (<see cref="SqliteStoreOptions.MaxQueuedPoints"/>).
/// When it is full the store is behind, and the write's <see cref="StorePacing"/> decides: a source
/// that can be slowed waits for room; a live source's point goes to the disk queue
/// (<see cref="SqliteDiskQueue"/>), which the commit thread stores, oldest first, as it catches up.
/// Only when the disk queue is full are points lost, counted in <see cref="PointsLost"/>. The logger
/// says when the store falls behind and why, how far, when it has caught up and what was lost.
/// </para>
/// </summary>
public sealed class SqliteStore : IPointStore
{
    private readonly SqliteStoreOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly SqliteConnection _connection;
    private readonly SqliteRowWriter _writer;

    // The memory queue and its waiting writers (Monitor.Wait needs an object, not a Lock).
    private readonly object _gate = new();
    private readonly Queue<SqliteQueuedPoint> _queue = new();

    // One committer at a time: the commit thread, FlushAsync, retention and DisposeAsync.
    private readonly SemaphoreSlim _commitGate = new(1, 1);
    private readonly ManualResetEventSlim _wake = new(false);
    private readonly Task _committer;
    private readonly List<SqliteQueuedPoint> _batch = [];
    private readonly SqliteBatchOrder _order = new();
    private int _batchFromMemory;
    private readonly List<SqliteRow> _diskRows = [];
    private SpoolReadResult? _batchFromDisk;

    private readonly Lock _diskGate = new();
    private readonly string _diskDirectory;
    private SqliteDiskQueue? _disk;
    private string? _diskOpenError;

    private readonly SqliteBacklogReport _report;
    private readonly ITimer _flushTimer;
    private readonly ITimer? _retentionTimer;
    private bool _disposed;
    private bool _closing;
    private bool _stopWaiting;
    private bool _behindSinceTick;
    private int _waitingWriters;
    private int _peakQueued;
    private long _ticks;
    private long _pointsWritten;
    private long _pointsCommitted;
    private long _pointsWithoutFields;
    private long _pointsSpilled;
    private long _pointsLost;
    private long _failedCommits;
    private string? _commitError;
    private DateTimeOffset? _failingSince;
    private DateTimeOffset _lastFailureReport;

    private SqliteStore(SqliteStoreOptions options, ILogger? logger, TimeProvider? timeProvider)
    {
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _diskDirectory = options.ResolveDiskQueueDirectory();
        _report = new SqliteBacklogReport(_logger, options.Path, options.ReportInterval);
        _connection = SqliteConnections.OpenForWriting(options.Path);
        try
        {
            PreviousSchemaVersion = SqliteMigrations.Migrate(_connection, options.Path, options.MigrationProgress, options.MigrationChunkRows);
            _writer = new SqliteRowWriter(_connection.Handle!);
        }
        catch
        {
            _connection.Dispose();
            throw;
        }

        if (SqliteDiskQueue.HasData(_diskDirectory) && OpenDiskQueue() is { Backlog: > 0 } earlier)
        {
            _logger.LogWarning("SQLite store {Path}: {Points} points from an earlier run wait in the disk queue {Directory}; storing them first", options.Path, earlier.Backlog, _diskDirectory);
        }

        if (options.Retention is not null)
        {
            ApplyRetention();
            _retentionTimer = _time.CreateTimer(_ => RunRetentionSafely(), null, options.RetentionCheckInterval, options.RetentionCheckInterval);
        }

        // A thread of its own: sources that wait for room may hold every thread-pool thread.
        _committer = Task.Factory.StartNew(CommitLoop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        _flushTimer = _time.CreateTimer(_ => OnTick(), null, options.FlushInterval, options.FlushInterval);
        _wake.Set();
    }

    /// <summary>The file this store writes.</summary>
    public string Path => _options.Path;

    public string Description => "sqlite:" + _options.Path;

    /// <summary>The schema version the file had before it was opened (0 for a new file).</summary>
    public int PreviousSchemaVersion { get; }

    /// <summary>Where points of live sources wait while the store is behind.</summary>
    public string DiskQueueDirectory => _diskDirectory;

    /// <summary>The bound of the points held in memory (<see cref="SqliteStoreOptions.MaxQueuedPoints"/>).</summary>
    public int MaxQueuedPoints => _options.MaxQueuedPoints;

    /// <summary>The bound of the disk queue's files.</summary>
    public long DiskQueueMaxBytes => _options.DiskQueueMaxBytes;

    /// <summary>Points committed so far.</summary>
    public long PointsCommitted => Interlocked.Read(ref _pointsCommitted);

    /// <summary>Points dropped because none of their fields was finite.</summary>
    public long PointsWithoutFields => Interlocked.Read(ref _pointsWithoutFields);

    /// <summary>Points that went to the disk queue because the store was behind.</summary>
    public long PointsSpilled => Interlocked.Read(ref _pointsSpilled);

    /// <summary>Points lost because the disk queue was full (or could not be written).</summary>
    public long PointsLost => Interlocked.Read(ref _pointsLost);

    /// <summary>Commits that failed (logged and retried; <see cref="FlushAsync"/> throws instead).</summary>
    public long FailedCommits => Interlocked.Read(ref _failedCommits);

    /// <summary>Points held in memory now: waiting in the queue, or taken by a commit that has not succeeded yet.</summary>
    public int QueuedPoints
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count + _batchFromMemory;
            }
        }
    }

    /// <summary>The most points held in memory since open (never above <see cref="SqliteStoreOptions.MaxQueuedPoints"/>).</summary>
    public int PeakQueuedPoints => Volatile.Read(ref _peakQueued);

    /// <summary>Points in the disk queue now, stored as the store catches up.</summary>
    public long DiskQueuedPoints => Volatile.Read(ref _disk)?.Backlog ?? 0;

    /// <summary>Writers waiting for room in the memory queue now.</summary>
    public int WaitingWriters => Volatile.Read(ref _waitingWriters);

    /// <summary>Opens (creating and migrating when needed) the store file; data left in its disk queue is stored first.</summary>
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

    /// <summary>Queues a point; while the store is behind it goes to the disk queue (<see cref="StorePacing.Spill"/>): this never waits.</summary>
    public bool Write<T>(in T point)
        where T : struct, IStoredPoint => Write(in point, StorePacing.Spill);

    /// <summary>Queues a point; <paramref name="pacing"/> says whether to wait or spill to disk while the store is behind.</summary>
    public bool Write<T>(in T point, StorePacing pacing)
        where T : struct, IStoredPoint
    {
        if (!SqliteRowMapper.HasField(in point))
        {
            Interlocked.Increment(ref _pointsWithoutFields);
            return false;
        }

        // posture, the steady stream, waits as its record (no allocation); the rest as rows.
        var row = typeof(T) == typeof(PostureRecord)
            ? new SqliteQueuedPoint(in Unsafe.As<T, PostureRecord>(ref Unsafe.AsRef(in point)))
            : new SqliteQueuedPoint(SqliteRowMapper.Map(in point));

        Interlocked.Increment(ref _pointsWritten);
        bool spill;
        bool batchReady = false;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            // Behind a disk backlog, live points queue on disk too: each device's points stay in order.
            spill = pacing == StorePacing.Spill && DiskQueuedPoints > 0;
            if (!spill && MemoryIsFull)
            {
                _behindSinceTick = true;
                if (pacing == StorePacing.Wait)
                {
                    WaitForRoom();
                }

                spill = MemoryIsFull;
            }

            if (!spill)
            {
                _queue.Enqueue(row);
                _peakQueued = Math.Max(_peakQueued, _queue.Count + _batchFromMemory);
                batchReady = _queue.Count >= _options.BatchSize;
            }
        }

        if (spill)
        {
            Spill(in row);
        }

        if (batchReady || spill)
        {
            _wake.Set();
        }

        return true;
    }

    /// <summary>Releases writers waiting for room; later writes paced <see cref="StorePacing.Wait"/> spill instead (shutdown).</summary>
    public void StopWaiting()
    {
        lock (_gate)
        {
            _stopWaiting = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>
    /// Commits everything written so far: the memory queue, then the disk queue (which can take a
    /// while after a long time behind; cancel it and the rest waits on disk for the next open).
    /// Throws when a commit fails.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _commitGate.WaitAsync(cancellationToken);
        try
        {
            // What was written before the flush: new writes may keep coming and are not waited for.
            long memory;
            lock (_gate)
            {
                memory = _queue.Count;
            }

            SealDisk();
            long disk = DiskQueuedPoints;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (_batch.Count > 0)
                {
                    // A batch that failed before goes first.
                    CommitBatch();
                }
                else if (memory > 0 && TakeFromMemory() is var taken and > 0)
                {
                    memory -= taken;
                    CommitBatch();
                }
                else if (disk > 0 && TakeFromDisk())
                {
                    disk -= _batch.Count;
                    CommitBatch();
                }
                else
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
        {
            // A flush's failed commit is the store's failure as much as the commit thread's: the backlog report names it.
            OnCommitFailed(e);
            throw;
        }
        finally
        {
            _commitGate.Release();
        }
    }

    /// <summary>
    /// Deletes every point older than <paramref name="cutoffUtc"/> that retention may delete (<see cref="SqliteRetention"/>:
    /// programmes and sessions are kept, and so are the analysis's inputs around each programme); returns how many rows went.
    /// </summary>
    public int DeleteOlderThan(DateTime cutoffUtc)
    {
        long cutoff = SqliteRowMapper.ToUnixNanoseconds(cutoffUtc);
        _commitGate.Wait();
        try
        {
            using var transaction = _connection.BeginTransaction();
            int deleted = 0;
            foreach (string sql in SqliteRetention.Deletes())
            {
                using var command = _connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = sql;
                command.Parameters.AddWithValue("$cutoff", cutoff);
                deleted += command.ExecuteNonQuery();
            }

            // A series with no point left is no longer listed.
            using (var series = _connection.CreateCommand())
            {
                series.Transaction = transaction;
                series.CommandText = SqliteRetention.DeleteEmptySeries();
                series.Parameters.AddWithValue("$cutoff", cutoff);
                series.ExecuteNonQuery();
            }

            transaction.Commit();
            _writer.ForgetSeries();
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

    /// <summary>
    /// Commits the memory queue (if that fails, its points go to the disk queue), seals the disk
    /// queue and closes. What is still in the disk queue is stored when the file is next opened.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            Monitor.PulseAll(_gate);
        }

        await _flushTimer.DisposeAsync();
        if (_retentionTimer is not null)
        {
            await _retentionTimer.DisposeAsync();
        }

        Volatile.Write(ref _closing, true);
        _wake.Set();
        await _committer;
        await _commitGate.WaitAsync();
        try
        {
            CommitMemoryAtClose();
            CloseDiskQueue();
            _report.Tick(_time.GetUtcNow(), Snapshot());
        }
        finally
        {
            _writer.Dispose();

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
            _wake.Dispose();
        }
    }

    /// <summary>Whether the queue and the batch taken from it hold <see cref="SqliteStoreOptions.MaxQueuedPoints"/> (under the gate).</summary>
    private bool MemoryIsFull => _queue.Count + _batchFromMemory >= _options.MaxQueuedPoints;

    /// <summary>Waits, under the gate, until the memory queue has room or waiting is off.</summary>
    private void WaitForRoom()
    {
        _waitingWriters++;
        _options.WriterWaits?.Invoke();
        try
        {
            while (MemoryIsFull && !_stopWaiting && !_disposed)
            {
                Monitor.Wait(_gate);
            }
        }
        finally
        {
            _waitingWriters--;
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
    }

    private void Spill(in SqliteQueuedPoint point)
    {
        var disk = Volatile.Read(ref _disk) ?? OpenDiskQueue();
        int lost = disk is null ? 1 : disk.TryAdd(point.ToRow());
        if (lost == 0)
        {
            Interlocked.Increment(ref _pointsSpilled);
        }
        else
        {
            Interlocked.Add(ref _pointsLost, lost);
        }
    }

    /// <summary>Opens the disk queue on first need; null (logged once) when it cannot be opened.</summary>
    private SqliteDiskQueue? OpenDiskQueue()
    {
        lock (_diskGate)
        {
            if (_disk is not null || _diskOpenError is not null)
            {
                return _disk;
            }

            try
            {
                var disk = SqliteDiskQueue.Open(_diskDirectory, _options.DiskQueueMaxBytes, _options.BatchSize, out _);
                Volatile.Write(ref _disk, disk);
                return disk;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                _diskOpenError = e.Message;
                _logger.LogError("SQLite store {Path}: the disk queue {Directory} cannot be opened ({Message}): points of live sources are lost while the store is behind", _options.Path, _diskDirectory, e.Message);
                return null;
            }
        }
    }

    /// <summary>Seals the disk queue's gathered rows (durable, readable); counts rows a disk error lost.</summary>
    private int SealDisk()
    {
        int lost = Volatile.Read(ref _disk)?.Seal() ?? 0;
        Interlocked.Add(ref _pointsLost, lost);
        return lost;
    }

    private void OnTick()
    {
        Interlocked.Increment(ref _ticks);
        SealDisk();
        _wake.Set();
        var state = Snapshot();
        lock (_report)
        {
            _report.Tick(_time.GetUtcNow(), state);
        }
    }

    private SqliteBacklog Snapshot()
    {
        bool behind;
        int queued;
        lock (_gate)
        {
            behind = _behindSinceTick || _waitingWriters > 0;
            _behindSinceTick = false;
            queued = _queue.Count + _batchFromMemory;
        }

        var disk = Volatile.Read(ref _disk);
        return new SqliteBacklog(
            behind, queued, _options.MaxQueuedPoints, disk?.Backlog ?? 0, disk?.Bytes ?? 0, _options.DiskQueueMaxBytes, _diskDirectory,
            Interlocked.Read(ref _pointsWritten), PointsLost, Volatile.Read(ref _commitError), disk?.LastWriteError ?? _diskOpenError);
    }

    /// <summary>The commit thread: a batch from memory, then one from the disk queue, while work waits.</summary>
    private void CommitLoop()
    {
        long failedAtTick = -1;
        while (true)
        {
            _wake.Wait();
            _wake.Reset();
            if (Volatile.Read(ref _closing))
            {
                return;
            }

            // After a failure, wait for the next tick instead of retrying on every write.
            if (failedAtTick == Interlocked.Read(ref _ticks))
            {
                continue;
            }

            _commitGate.Wait();
            try
            {
                if (CommitRound())
                {
                    _wake.Set();
                }

                failedAtTick = -1;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failedAtTick = Interlocked.Read(ref _ticks);
                OnCommitFailed(e);
            }
            finally
            {
                _commitGate.Release();
            }
        }
    }

    /// <summary>One round; true when it stored something and more is waiting (a full batch in memory, or rows on disk).</summary>
    private bool CommitRound()
    {
        bool progressed = false;
        if (_batch.Count > 0 || TakeFromMemory() > 0)
        {
            CommitBatch();
            progressed = true;
        }

        if (DiskQueuedPoints > 0)
        {
            if (!TakeFromDisk())
            {
                // Only gathered rows left: seal them now rather than at the next tick.
                SealDisk();
                TakeFromDisk();
            }

            if (_batch.Count > 0)
            {
                CommitBatch();
                progressed = true;
            }
        }

        return progressed && (QueuedPoints >= _options.BatchSize || DiskQueuedPoints > 0);
    }

    /// <summary>Moves what waits in the memory queue, up to <see cref="SqliteStoreOptions.MaxBatchSize"/>, into <see cref="_batch"/>.</summary>
    private int TakeFromMemory()
    {
        lock (_gate)
        {
            // Still counted against the memory bound until committed (ReleaseMemoryBatch).
            int count = Math.Min(_queue.Count, _options.MaxBatchSize);
            for (int i = 0; i < count; i++)
            {
                _batch.Add(_queue.Dequeue());
            }

            _batchFromMemory += count;
            return count;
        }
    }

    /// <summary>The batch left memory (committed, or moved to disk at close): wakes writers waiting for room.</summary>
    private void ReleaseMemoryBatch()
    {
        lock (_gate)
        {
            if (_batchFromMemory > 0 && _waitingWriters > 0)
            {
                Monitor.PulseAll(_gate);
            }

            _batchFromMemory = 0;
        }
    }

    /// <summary>Reads the oldest disk-queue rows into <see cref="_batch"/>; a record that does not decode is skipped and counted.</summary>
    private bool TakeFromDisk()
    {
        var disk = Volatile.Read(ref _disk);
        if (disk is null)
        {
            return false;
        }

        try
        {
            _diskRows.Clear();
            if (!disk.TryTake(_diskRows, _options.BatchSize, out var read))
            {
                return false;
            }

            foreach (var row in _diskRows)
            {
                _batch.Add(new SqliteQueuedPoint(in row));
            }

            _diskRows.Clear();
            _batchFromDisk = read;
            return true;
        }
        catch (InvalidDataException e)
        {
            // Cannot happen unless the file was altered: the CRC passed. Skip the record rather than stall.
            _batch.Clear();
            _logger.LogError("SQLite store {Path}: a record of the disk queue {Directory} cannot be read and is skipped: {Message}", _options.Path, _diskDirectory, e.Message);
            return false;
        }
    }

    /// <summary>Commits <see cref="_batch"/> in one transaction; on failure it stays for the next attempt. Caller holds the commit gate.</summary>
    private void CommitBatch()
    {
        _options.BeforeCommit?.Invoke();
        _writer.Begin();
        try
        {
            var batch = CollectionsMarshal.AsSpan(_batch);
            foreach (var slot in _order.Arrange(batch))
            {
                batch[slot.Index].WriteTo(_writer);
            }

            _writer.Commit();
        }
        catch
        {
            _writer.Rollback();
            throw;
        }

        Interlocked.Add(ref _pointsCommitted, _batch.Count);
        Volatile.Write(ref _commitError, null);
        if (_failingSince is not null)
        {
            _failingSince = null;
            _logger.LogInformation("SQLite store {Path}: commits succeed again", _options.Path);
        }

        _batch.Clear();
        ReleaseMemoryBatch();
        if (_batchFromDisk is { } read)
        {
            _batchFromDisk = null;
            try
            {
                Volatile.Read(ref _disk)!.Acknowledge(read);
            }
            catch (IOException e)
            {
                // The rows are stored; a stale acknowledgement only stores them again (an overwrite) after a restart.
                _logger.LogWarning("SQLite store {Path}: the disk queue's position could not be saved: {Message}", _options.Path, e.Message);
            }
        }
    }

    private void OnCommitFailed(Exception e)
    {
        long failures = Interlocked.Increment(ref _failedCommits);
        Volatile.Write(ref _commitError, e.Message);
        var now = _time.GetUtcNow();
        // Retried every tick: say so the first time and then once per report interval, not every second.
        if (_failingSince is null || now - _lastFailureReport >= _options.ReportInterval)
        {
            _failingSince ??= now;
            _lastFailureReport = now;
            _logger.LogError("SQLite store {Path}: commit failed ({Failures} so far); its points are kept and retried every {Interval} s: {Message}", _options.Path, failures, _options.FlushInterval.TotalSeconds, e.Message);
        }
    }

    /// <summary>At close: commit what is in memory; if that fails, move it to the disk queue rather than lose it.</summary>
    private void CommitMemoryAtClose()
    {
        try
        {
            if (_batch.Count > 0)
            {
                CommitBatch();
            }

            while (TakeFromMemory() > 0)
            {
                CommitBatch();
            }
        }
        catch (SqliteException e)
        {
            var rows = _batchFromDisk is null ? _batch.ToList() : [];
            _batch.Clear();
            _batchFromDisk = null;
            ReleaseMemoryBatch();
            lock (_gate)
            {
                rows.AddRange(_queue);
                _queue.Clear();
            }

            foreach (var point in rows)
            {
                Spill(in point);
            }

            _logger.LogError("SQLite store {Path}: the last commit failed at close ({Message}): {Points} points were moved to the disk queue {Directory} and are stored on the next open", _options.Path, e.Message, rows.Count, _diskDirectory);
        }
    }

    private void CloseDiskQueue()
    {
        lock (_diskGate)
        {
            if (_disk is null)
            {
                return;
            }

            Interlocked.Add(ref _pointsLost, _disk.Close());
            long waiting = _disk.Backlog;
            if (waiting > 0)
            {
                _logger.LogWarning("SQLite store {Path}: {Points} points wait in the disk queue {Directory}; they are stored when the store is next opened", _options.Path, waiting, _diskDirectory);
            }
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
