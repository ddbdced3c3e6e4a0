using Microsoft.Extensions.Logging;
using PostureStream.Storage.Points;
using PostureStream.Storage.Schema;
using PostureStream.Storage.Sqlite;
using PostureStream.Storage.Tests.Fixtures;
using PostureStream.Vocabulary;

namespace PostureStream.Storage.Tests.Sqlite;

/// <summary>
/// A real <see cref="SqliteStore"/> made slower than its source by a gate on its commits: every
/// point is counted. Sources that can wait are slowed to the store's pace; live ones spill to the
/// disk queue and are stored after catch-up; only a full disk queue loses points, counted and reported.
/// </summary>
public sealed class SqliteBackPressureTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly DateTime T0 = new(2026, 11, 20, 6, 0, 0, DateTimeKind.Utc);
    private readonly TempDirectory _dir = new("ps-backpressure-");
    private readonly ManualTimeProvider _time = new();
    private readonly ListLogger _log = new();
    private readonly CommitGate _gate = new();
    private readonly DeviceSeries _device = new("belt", 1);

    public void Dispose()
    {
        _gate.Open();
        _dir.Dispose();
    }

    [Fact]
    public async Task WaitPacedSource_IsSlowedToTheStore_EveryPointStored_MemoryNeverAboveItsBound()
    {
        const int Points = 5_000;
        var writerWaits = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var store = Open(maxQueued: 200, o => o.WriterWaits = () => writerWaits.TrySetResult());

        Task writer = WriteOnOwnThread(store, 0, Points, StorePacing.Wait);
        await writerWaits.Task.WaitAsync(Timeout);
        // No commit can pass: the queue and the batch the blocked commit holds fill the bound, no more.
        Assert.False(writer.IsCompleted, "the writer should wait while the store is blocked");
        Assert.Equal(200, store.QueuedPoints);

        _gate.Open();
        await writer.WaitAsync(Timeout);
        await store.FlushAsync(CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(Points, store.PointsCommitted);
        Assert.Equal(200, store.PeakQueuedPoints);
        Assert.Equal(0, store.PointsSpilled);
        Assert.Equal(0, store.PointsLost);
        await store.DisposeAsync();
        Assert.Equal(Points, CountPostureRows());
    }

    [Fact]
    public async Task StoreBehind_CommitsWhatWaitsInOneTransaction_NotBatchSizeAtATime()
    {
        int commits = 0;
        var store = Open(maxQueued: 1_000, o =>
        {
            o.BatchSize = 10;
            o.BeforeCommit = () =>
            {
                Interlocked.Increment(ref commits);
                _gate.Pass();
            };
        });

        // The first commit is held while 500 points arrive: then they are one transaction (or two), not fifty.
        await WriteOnOwnThread(store, 0, 500, StorePacing.Wait).WaitAsync(Timeout);
        _gate.Open();
        await store.FlushAsync(CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(500, store.PointsCommitted);
        Assert.InRange(Volatile.Read(ref commits), 1, 3);
        await store.DisposeAsync();
        Assert.Equal(500, CountPostureRows());
    }

    [Fact]
    public async Task SpillPacedSource_NeverWaits_OverflowGoesToDisk_AndEveryPointIsStoredAfterCatchUp()
    {
        const int Points = 5_000;
        var store = Open(maxQueued: 200);

        // Completes while no commit can pass: a live source is never held up.
        await WriteOnOwnThread(store, 0, Points, StorePacing.Spill).WaitAsync(Timeout);
        Assert.InRange(store.PointsSpilled, Points - 200 - 50, Points - 200);
        Assert.Equal(store.PointsSpilled, store.DiskQueuedPoints);
        Assert.Equal(0, store.PointsLost);
        Assert.InRange(store.PeakQueuedPoints, 1, 200);
        Assert.True(Directory.EnumerateFiles(store.DiskQueueDirectory, "*.seg").Any(), "no disk queue segment");

        _time.Advance(TimeSpan.FromSeconds(1));
        string behind = Assert.Single(_log.At(LogLevel.Warning), m => m.Contains("store behind by", StringComparison.Ordinal));
        Assert.Contains("slower than the sources", behind, StringComparison.Ordinal);
        Assert.Contains(store.DiskQueueDirectory, behind, StringComparison.Ordinal);
        Assert.DoesNotContain(_log.Entries, e => e.Message.Contains("commit", StringComparison.OrdinalIgnoreCase) && e.Message.Contains("fail", StringComparison.OrdinalIgnoreCase));

        _gate.Open();
        await store.FlushAsync(CancellationToken.None).WaitAsync(Timeout);
        Assert.Equal(Points, store.PointsCommitted);
        Assert.Equal(0, store.DiskQueuedPoints);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Contains(_log.At(LogLevel.Information), m => m.Contains("store caught up", StringComparison.Ordinal));
        await store.DisposeAsync();
        Assert.Equal(Points, CountPostureRows());
    }

    [Fact]
    public async Task FullDiskQueue_LosesOnlyWhatDoesNotFit_CountsIt_AndReportsItEveryInterval()
    {
        const int Points = 3_000;
        var store = Open(maxQueued: 100, o => o.DiskQueueMaxBytes = 64 * 1024);

        await WriteOnOwnThread(store, 0, Points, StorePacing.Spill).WaitAsync(Timeout);
        long lost = store.PointsLost;
        Assert.True(lost > 0, "a 64 KiB disk queue cannot hold 3,000 points");
        Assert.True(store.PointsSpilled > 100, $"only {store.PointsSpilled} points went to disk");

        _time.Advance(TimeSpan.FromSeconds(1));
        string report = Assert.Single(_log.At(LogLevel.Error));
        Assert.Contains($"{lost} points lost so far", report, StringComparison.Ordinal);
        Assert.Contains("is full", report, StringComparison.Ordinal);

        // Repeated at most once a minute, with the new total.
        await WriteOnOwnThread(store, Points, 10, StorePacing.Spill).WaitAsync(Timeout);
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Single(_log.At(LogLevel.Error));
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(2, _log.At(LogLevel.Error).Count());
        long totalLost = store.PointsLost;
        Assert.InRange(totalLost, lost + 1, lost + 10);
        Assert.Contains($"{totalLost} points lost so far", _log.At(LogLevel.Error).Last(), StringComparison.Ordinal);

        _gate.Open();
        await store.FlushAsync(CancellationToken.None).WaitAsync(Timeout);
        Assert.Equal(Points + 10, store.PointsCommitted + totalLost);
        await store.DisposeAsync();
        Assert.Equal(Points + 10 - totalLost, CountPostureRows());
    }

    [Fact]
    public async Task DiskQueueLeftAtClose_IsStoredWhenTheFileIsNextOpened_EveryMeasurementIntact()
    {
        var store = Open(maxQueued: 10);
        var expected = new List<string>();
        for (int i = 0; i < 40; i++)
        {
            foreach (var point in SamplePoints.OneOfEach(new DeviceSeries(i % 2 == 0 ? "Zürich 東京 😀" : "belt", (ulong)i % 2), T0.AddSeconds(i), variant: i))
            {
                Assert.True(StoreWriting.Write(store, point));
                expected.Add(StoreWriting.Describe(ExpectedPoint.From(point)));
            }
        }

        Assert.True(store.DiskQueuedPoints > 100, $"{store.DiskQueuedPoints} points on disk");
        _gate.Open();
        await store.DisposeAsync();
        Assert.Contains(_log.At(LogLevel.Warning), m => m.Contains("are stored when the store is next opened", StringComparison.Ordinal));

        var reopenedLog = new ListLogger();
        await using (var reopened = SqliteStore.Open(new SqliteStoreOptions { Path = _dir.Sub("s.db") }, reopenedLog, _time))
        {
            Assert.Contains(reopenedLog.At(LogLevel.Warning), m => m.Contains("from an earlier run wait in the disk queue", StringComparison.Ordinal));
            await reopened.FlushAsync(CancellationToken.None).WaitAsync(Timeout);
            Assert.Equal(0, reopened.DiskQueuedPoints);
        }

        using var source = SqlitePointSource.Open(_dir.Sub("s.db"), pageSize: 50);
        var rows = await StoreWriting.ReadAllAsync(source, DateTime.UnixEpoch, new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal(expected.Order(StringComparer.Ordinal), rows.Select(StoreWriting.Describe).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task StopWaiting_ReleasesAWaitingSource_WhoseLastPointsSpill()
    {
        const int Points = 500;
        var writerWaits = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var store = Open(maxQueued: 50, o => o.WriterWaits = () => writerWaits.TrySetResult());

        Task writer = WriteOnOwnThread(store, 0, Points, StorePacing.Wait);
        await writerWaits.Task.WaitAsync(Timeout);
        store.StopWaiting();
        await writer.WaitAsync(Timeout);
        Assert.True(store.PointsSpilled > 0);

        _gate.Open();
        await store.FlushAsync(CancellationToken.None).WaitAsync(Timeout);
        Assert.Equal(Points, store.PointsCommitted);
        await store.DisposeAsync();
    }

    [Fact]
    public async Task FailingCommits_AreNamedAsTheCause_NotSlowness()
    {
        var store = Open(maxQueued: 20);
        _gate.Open();
        using (var other = SqliteConnections.OpenForWriting(_dir.Sub("s.db")))
        {
            SqliteConnections.Execute(other, "ALTER TABLE posture_rows RENAME TO posture_away;");
        }

        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(async () =>
        {
            await WriteOnOwnThread(store, 0, 100, StorePacing.Spill).WaitAsync(Timeout);
            await store.FlushAsync(CancellationToken.None);
        });
        Assert.Equal(0, store.PointsLost);

        _time.Advance(TimeSpan.FromSeconds(1));
        string behind = Assert.Single(_log.At(LogLevel.Warning), m => m.Contains("store behind by", StringComparison.Ordinal));
        Assert.Contains("its commits are failing", behind, StringComparison.Ordinal);
        Assert.Contains("no such table", behind, StringComparison.Ordinal);
        Assert.DoesNotContain("slower", behind, StringComparison.Ordinal);

        using (var other = SqliteConnections.OpenForWriting(_dir.Sub("s.db")))
        {
            SqliteConnections.Execute(other, "ALTER TABLE posture_away RENAME TO posture_rows;");
        }

        await store.FlushAsync(CancellationToken.None).WaitAsync(Timeout);
        Assert.Equal(100, store.PointsCommitted);
        await store.DisposeAsync();
        Assert.Equal(100, CountPostureRows());
    }

    private SqliteStore Open(int maxQueued, Action<SqliteStoreOptions>? configure = null)
    {
        var options = new SqliteStoreOptions { Path = _dir.Sub("s.db"), BatchSize = 50, MaxQueuedPoints = maxQueued, BeforeCommit = _gate.Pass };
        configure?.Invoke(options);
        return SqliteStore.Open(options, _log, _time);
    }

    /// <summary>Writes posture points numbered from <paramref name="first"/>, 100 ms apart, from a thread of its own (as a device's reader).</summary>
    private Task WriteOnOwnThread(SqliteStore store, int first, int count, StorePacing pacing) =>
        Task.Factory.StartNew(
            () =>
            {
                for (int i = first; i < first + count; i++)
                {
                    store.Write(new PostureRecord(_device, T0.AddTicks(i * TimeSpan.TicksPerSecond / 10), i, -0.5, 12, 0.25, -3.5, 40, -10.75, Activity.Sitting, PostureState.Flattened), pacing);
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

    private long CountPostureRows()
    {
        using var connection = SqliteConnections.OpenForWriting(_dir.Sub("s.db"));
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM posture";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Holds every commit until <see cref="Open"/>: the store is as slow as the test wants.</summary>
    private sealed class CommitGate
    {
        private readonly ManualResetEventSlim _open = new(false);

        public void Pass()
        {
            if (!_open.Wait(Timeout))
            {
                throw new TimeoutException("the commit gate was never opened");
            }
        }

        public void Open() => _open.Set();
    }
}
