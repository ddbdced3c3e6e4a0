using System.Globalization;
using Microsoft.Extensions.Logging;

namespace PostureStream.Storage.Sqlite;

/// <summary>The store's state at one tick of its flush timer, for <see cref="SqliteBacklogReport"/>.</summary>
/// <param name="Behind">A write found the memory queue full since the last tick (or writers wait now).</param>
/// <param name="MemoryQueued">Points in the memory queue.</param>
/// <param name="MemoryBound">Its bound, <see cref="SqliteStoreOptions.MaxQueuedPoints"/>.</param>
/// <param name="DiskQueued">Points in the disk queue.</param>
/// <param name="DiskBytes">Bytes of the disk queue's files.</param>
/// <param name="DiskMaxBytes">Their bound.</param>
/// <param name="DiskDirectory">Where the disk queue is.</param>
/// <param name="Written">Points written since open (a running count: its rate is the incoming rate).</param>
/// <param name="Lost">Points lost since open.</param>
/// <param name="CommitError">The error of the last commit when it failed, null when it succeeded.</param>
/// <param name="DiskError">The last error writing the disk queue, or null.</param>
internal readonly record struct SqliteBacklog(
    bool Behind,
    long MemoryQueued,
    long MemoryBound,
    long DiskQueued,
    long DiskBytes,
    long DiskMaxBytes,
    string DiskDirectory,
    long Written,
    long Lost,
    string? CommitError,
    string? DiskError);

/// <summary>
/// Tells the user, through the store's logger, when the store falls behind its sources and why,
/// how far behind it is (points, and seconds of incoming data at the recent rate), when it has
/// caught up, and how many points were lost to a full disk queue. The first message of each kind
/// comes at once; repeats at most once per <c>interval</c>.
/// </summary>
internal sealed class SqliteBacklogReport(ILogger logger, string path, TimeSpan interval)
{
    private bool _behind;
    private long _peak;
    private DateTimeOffset _lastBehindReport;
    private long _lostReported;
    private DateTimeOffset _lastLostReport;
    private long _lastWritten;
    private DateTimeOffset? _lastTick;
    private double _pointsPerSecond;

    public bool IsBehind => _behind;

    public void Tick(DateTimeOffset now, in SqliteBacklog state)
    {
        UpdateRate(now, state.Written);
        long waiting = state.MemoryQueued + state.DiskQueued;
        if (!_behind && state.Behind)
        {
            _behind = true;
            _peak = waiting;
            _lastBehindReport = now;
            if (state.CommitError is { } error)
            {
                logger.LogWarning("SQLite store {Path}: store behind by {Points} points: its commits are failing ({Error}); file: and sim: sources wait for it, live sources queue on disk in {Directory} (up to {MaxMegabytes} MB)", path, waiting, error, state.DiskDirectory, Megabytes(state.DiskMaxBytes));
            }
            else
            {
                logger.LogWarning("SQLite store {Path}: store behind by {Points} points{Lag}: it is slower than the sources; file: and sim: sources wait for it, live sources queue on disk in {Directory} (up to {MaxMegabytes} MB)", path, waiting, Lag(waiting), state.DiskDirectory, Megabytes(state.DiskMaxBytes));
            }
        }
        else if (_behind)
        {
            _peak = Math.Max(_peak, waiting);
            if (!state.Behind && state.DiskQueued == 0 && state.MemoryQueued <= state.MemoryBound / 2)
            {
                _behind = false;
                logger.LogInformation("SQLite store {Path}: store caught up (at most {Peak} points were waiting)", path, _peak);
            }
            else if (now - _lastBehindReport >= interval)
            {
                _lastBehindReport = now;
                string cause = state.CommitError is { } error ? $"commits are failing ({error})" : "slower than the sources";
                logger.LogWarning("SQLite store {Path}: store behind by {Points} points{Lag}, {DiskPoints} of them in the disk queue ({Megabytes} of {MaxMegabytes} MB): {Cause}", path, waiting, Lag(waiting), state.DiskQueued, Megabytes(state.DiskBytes), Megabytes(state.DiskMaxBytes), cause);
            }
        }

        if (state.Lost > _lostReported && (_lostReported == 0 || now - _lastLostReport >= interval))
        {
            _lostReported = state.Lost;
            _lastLostReport = now;
            string why = state.DiskError is { } diskError
                ? $"the disk queue {state.DiskDirectory} cannot be written ({diskError})"
                : $"the disk queue {state.DiskDirectory} is full ({Megabytes(state.DiskBytes)} of {Megabytes(state.DiskMaxBytes)} MB)";
            logger.LogError("SQLite store {Path}: {Lost} points lost so far: {Why}; the store cannot keep up with the live sources (raise disk_queue_mb, or use a faster store)", path, state.Lost, why);
        }
    }

    private static string Megabytes(long bytes) => (bytes / 1e6).ToString("0.#", CultureInfo.InvariantCulture);

    private void UpdateRate(DateTimeOffset now, long written)
    {
        if (_lastTick is { } last && now > last)
        {
            double rate = (written - _lastWritten) / (now - last).TotalSeconds;
            // Smoothed over a few ticks: one slow second should not swing the estimate.
            _pointsPerSecond = _pointsPerSecond == 0 ? rate : (0.7 * _pointsPerSecond) + (0.3 * rate);
        }

        _lastTick = now;
        _lastWritten = written;
    }

    /// <summary>" (≈ 25 s of incoming data)": how long the sources take to write what is waiting.</summary>
    private string Lag(long waiting) =>
        _pointsPerSecond >= 1
            ? string.Create(CultureInfo.InvariantCulture, $" (≈ {waiting / _pointsPerSecond:0} s of incoming data)")
            : string.Empty;
}
