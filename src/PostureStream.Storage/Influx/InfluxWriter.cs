using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PostureStream.Storage.Points;
using PostureStream.Storage.Spool;

namespace PostureStream.Storage.Influx;

/// <summary>
/// Writes points to one InfluxDB target without losing them. <see cref="Write{T}"/> encodes a
/// point into the current batch (no allocation). A batch is sealed at
/// <see cref="InfluxWriterOptions.BatchSize"/> lines or every <see cref="InfluxWriterOptions.FlushInterval"/>,
/// appended to the disk spool and fsynced, and only then sent: one request in flight, gzipped,
/// retried (network errors, 408, 429, 5xx; Retry-After honoured; exponential backoff with jitter)
/// until the server accepts it. 413 splits the batch; 401/403/404 (a setting to fix) keep the data
/// and retry slowly; other 4xx go to the dead-letter file. Lines that keep failing with 5xx while
/// later batches are accepted (a poison batch) go to the quarantine file, so they cannot block
/// delivery. A record leaves the spool only once the server accepted it or it was set aside in
/// one of those files, so an outage or a crash loses nothing: the next start replays the spool in order.
/// </summary>
public sealed partial class InfluxWriter : IPointStore
{
    private readonly Lock _gate = new();
    private readonly InfluxTarget _target;
    private readonly InfluxWriterOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly SegmentSpool _spool;
    private readonly InfluxHttpSender _sender;
    private readonly SetAsideFile _deadLetter;
    private readonly SetAsideFile _quarantine;
    private readonly WarningRateLimiter _warnings;
    private readonly Channel<BatchBuffer> _sealed = Channel.CreateUnbounded<BatchBuffer>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentBag<BatchBuffer> _freeBatches = [];
    private readonly SemaphoreSlim _spooled = new(0);
    private readonly ProgressWaiters _persisted = new(0);
    private readonly ProgressWaiters _acknowledged;
    private readonly CancellationTokenSource _stop = new();
    private readonly ITimer _flushTimer;
    private readonly InfluxWriterInstruments _instruments;
    private readonly Task _persistLoop;
    private readonly Task _sendLoop;
    private BatchBuffer _current;
    private long _sealedSequence;
    private bool _disposed;
    private long _pointsWritten;
    private long _pointsWithoutFields;
    private long _linesDropped;
    private long _linesSent;
    private long _linesDeadLettered;
    private long _linesQuarantined;
    private long _requests;
    private long _retries;
    private int _reachable = -1;
    private long _lastRetryDelayTicks;
    private bool _spoolFull;

    /// <param name="target">Where to write (see <see cref="InfluxTarget.Parse"/>).</param>
    /// <param name="options">Batching, spool and retry settings; validated here.</param>
    /// <param name="logger">Warnings (store down, spool full) and errors (dead letters).</param>
    /// <param name="timeProvider">Clock for the flush interval, retry delays and timeouts (default: system).</param>
    /// <param name="handler">HTTP handler (default: a <see cref="SocketsHttpHandler"/>); owned by the writer.</param>
    public InfluxWriter(InfluxTarget target, InfluxWriterOptions options, ILogger? logger = null, TimeProvider? timeProvider = null, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _target = target;
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _spool = SegmentSpool.Open(options.SpoolDirectory, "precision=" + InfluxTargetParser.PrecisionText(target.Precision),
            options.MaxSpoolBytes, options.SegmentBytes, out var report);
        ReportOpen(report);
        _acknowledged = new ProgressWaiters(0);
        _deadLetter = new SetAsideFile(options.ResolvedDeadLetterPath, options.MaxDeadLetterBytes);
        _quarantine = new SetAsideFile(options.ResolvedQuarantinePath, options.MaxQuarantineBytes);
        _warnings = new WarningRateLimiter(_logger, _time);
        _sender = new InfluxHttpSender(target, handler ?? CreateDefaultHandler(), options.Gzip, options.RequestTimeout, _time);
        _current = new BatchBuffer(target.Precision);
        _persistLoop = Task.Run(PersistLoopAsync);
        _sendLoop = Task.Run(() => SendLoopAsync(_stop.Token));
        _flushTimer = _time.CreateTimer(_ => SealCurrent(), null, options.FlushInterval, options.FlushInterval);
        _instruments = new InfluxWriterInstruments(this);
    }

    public InfluxTarget Target => _target;

    /// <summary>The spool directory of this writer.</summary>
    public string SpoolDirectory => _spool.Directory;

    /// <summary>Lines refused because the spool was full: accepted points that will never be stored.</summary>
    public long PointsLost => Interlocked.Read(ref _linesDropped);

    public InfluxWriterMetrics Metrics => new(
        Interlocked.Read(ref _pointsWritten),
        Interlocked.Read(ref _pointsWithoutFields),
        Interlocked.Read(ref _linesDropped),
        Interlocked.Read(ref _linesSent),
        Interlocked.Read(ref _linesDeadLettered),
        Interlocked.Read(ref _requests),
        Interlocked.Read(ref _retries),
        _spool.BacklogLines,
        _spool.BacklogBytes,
        _spool.TotalBytes,
        _spool.MaxBytes,
        Volatile.Read(ref _reachable) switch { 1 => true, 0 => false, _ => null },
        TimeSpan.FromTicks(Interlocked.Read(ref _lastRetryDelayTicks)),
        Interlocked.Read(ref _linesQuarantined));

    /// <summary>
    /// Encodes one point into the current batch. Thread-safe; allocation-free in steady state.
    /// False when the point had no finite field and was dropped (counted).
    /// </summary>
    public bool Write<T>(in T point)
        where T : struct, IStoredPoint
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            bool written;
            try
            {
                written = point.WriteTo(_current.Writer);
            }
            catch
            {
                // Leave the batch as it was before this point, so the next one starts clean.
                _current.Writer.CancelPoint();
                throw;
            }

            if (!written)
            {
                _pointsWithoutFields++;
                return false;
            }

            _pointsWritten++;
            if (_current.Writer.LineCount >= _options.BatchSize || _current.Buffer.Length >= _options.MaxBatchBytes)
            {
                SealLocked();
            }

            return true;
        }
    }

    /// <summary>Seals the current batch and returns once everything written so far is fsynced in the spool.</summary>
    public Task PersistAsync(CancellationToken cancellationToken)
    {
        long sequence;
        lock (_gate)
        {
            SealLocked();
            sequence = _sealedSequence;
        }

        return _persisted.WaitAsync(sequence, cancellationToken);
    }

    /// <summary>
    /// Returns once everything written so far has been accepted by the server (or set aside in the dead-letter or quarantine file).
    /// While the server is down this waits: pass a token with a deadline.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await PersistAsync(cancellationToken);
        await _acknowledged.WaitAsync(_spool.AppendedRecords, cancellationToken);
    }

    /// <summary>
    /// Persists what is buffered, sends the backlog for up to <see cref="InfluxWriterOptions.DrainTimeout"/>,
    /// then stops; whatever the server has not accepted stays in the spool for the next start.
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
            SealLocked();
        }

        await _flushTimer.DisposeAsync();
        _instruments.Dispose();
        _sealed.Writer.TryComplete();
        await _persistLoop;
        if (_options.DrainTimeout > TimeSpan.Zero)
        {
            using var drainEnd = new CancellationTokenSource();
            var drained = _acknowledged.WaitAsync(_spool.AppendedRecords, drainEnd.Token);
            var deadline = Task.Delay(_options.DrainTimeout, _time, drainEnd.Token);
            await Task.WhenAny(drained, deadline);
            await drainEnd.CancelAsync();
        }

        await _stop.CancelAsync();
        try
        {
            await _sendLoop;
        }
        catch (OperationCanceledException)
        {
        }

        if (_spool.BacklogLines > 0)
        {
            InfluxWriterLog.LeftInSpool(_logger, _target, _spool.BacklogLines, _spool.Directory);
        }

        _warnings.Dispose();
        _sender.Dispose();
        _spool.Dispose();
        _stop.Dispose();
        _spooled.Dispose();
        _current.Dispose();
        while (_freeBatches.TryTake(out var batch))
        {
            batch.Dispose();
        }
    }

    private static SocketsHttpHandler CreateDefaultHandler() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        AutomaticDecompression = System.Net.DecompressionMethods.None,
    };

    private void ReportOpen(SpoolOpenReport report)
    {
        if (report.TornBytesCut > 0)
        {
            InfluxWriterLog.TornTail(_logger, _options.SpoolDirectory, report.TornBytesCut);
        }

        if (report.CorruptBytesSkipped > 0 || report.DamagedRecords > 0)
        {
            InfluxWriterLog.CorruptSkipped(_logger, _options.SpoolDirectory, report.DamagedRecords, report.CorruptBytesSkipped);
        }

        if (report.PendingLines > 0)
        {
            InfluxWriterLog.Replaying(_logger, _target, report.PendingLines, _options.SpoolDirectory);
        }
    }

    private void SealCurrent()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                SealLocked();
            }
        }
    }

    private void SealLocked()
    {
        if (_current.Writer.LineCount == 0)
        {
            return;
        }

        var batch = _current;
        batch.Sequence = ++_sealedSequence;
        _current = _freeBatches.TryTake(out var free) ? free : new BatchBuffer(_target.Precision);
        _sealed.Writer.TryWrite(batch);
    }

    /// <summary>Appends sealed batches to the spool, fsyncs once per group, then wakes the sender.</summary>
    private async Task PersistLoopAsync()
    {
        var reader = _sealed.Reader;
        while (await reader.WaitToReadAsync())
        {
            long last = 0;
            while (reader.TryRead(out var batch))
            {
                Spool(batch);
                last = batch.Sequence;
                batch.Reset();
                _freeBatches.Add(batch);
            }

            try
            {
                _spool.Sync();
            }
            catch (IOException e)
            {
                _warnings.Log(WarningKind.SpoolWriteFailed, log => InfluxWriterLog.SpoolWriteFailed(log, _spool.Directory, e.Message, 0));
            }

            _persisted.Advance(last);
            if (_spooled.CurrentCount == 0)
            {
                _spooled.Release();
            }
        }
    }

    private void Spool(BatchBuffer batch)
    {
        int lines = batch.Writer.LineCount;
        bool appended;
        try
        {
            appended = _spool.TryAppend(batch.Buffer.WrittenSpan, lines);
        }
        catch (IOException e)
        {
            Interlocked.Add(ref _linesDropped, lines);
            _warnings.Log(WarningKind.SpoolWriteFailed, log => InfluxWriterLog.SpoolWriteFailed(log, _spool.Directory, e.Message, lines));
            return;
        }

        if (appended)
        {
            if (_spoolFull)
            {
                _spoolFull = false;
                long refused = Interlocked.Read(ref _linesDropped);
                _warnings.Log(WarningKind.SpoolFull, log => InfluxWriterLog.SpoolAcceptsAgain(log, _spool.Directory, refused));
            }

            return;
        }

        long dropped = Interlocked.Add(ref _linesDropped, lines);
        if (!_spoolFull)
        {
            _spoolFull = true;
            long total = _spool.TotalBytes;
            _warnings.Log(WarningKind.SpoolFull, log => InfluxWriterLog.SpoolFull(log, _spool.Directory, total, _spool.MaxBytes, dropped));
        }
    }
}
