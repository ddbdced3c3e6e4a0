using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using PostureStream.Cli.Configuration;
using PostureStream.Cli.Run;
using PostureStream.Simulation;
using PostureStream.Simulation.Scenarios;
using PostureStream.Storage.Sqlite;

namespace PostureStream.Cli.Tests;

/// <summary>
/// <c>run</c> against a real SQLite store that cannot keep up (the test holds its write lock):
/// a <c>file:</c> source waits and every point is stored; a live <c>tcp:</c> source spills to the
/// disk queue, and when that is full the lost points are counted and <c>run</c> exits 1 saying how many.
/// </summary>
[Collection(ProcessState.Collection)]
public sealed class RunStoreBackPressureTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly string _dir = Directory.CreateTempSubdirectory("posturestream-backpressure-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task FileSource_WaitsForAStoreThatCannotCommit_AndEveryPointIsStored()
    {
        string capture = await WriteCaptureAsync();
        string source = $"file:{capture}?start=2026-03-01T08:00:00Z";

        // The same capture into a store that keeps up: what must end up stored.
        var reference = OpenStore("reference.db", new AwaitingLogger());
        Assert.Equal(ExitCodes.Ok, await RunHost.RunAsync(Settings(source), TimeProvider.System, CancellationToken.None, givenStores: [reference]).WaitAsync(Timeout));

        var log = new AwaitingLogger();
        var store = OpenStore("blocked.db", log);
        Task<int> run;
        using (var writeLock = WriteLock("blocked.db"))
        {
            run = Task.Run(() => RunHost.RunAsync(Settings(source), TimeProvider.System, CancellationToken.None, givenStores: [store]));
            string behind = await log.WhenLogged("store behind by").WaitAsync(Timeout);
            Assert.Contains("file: and sim: sources wait for it", behind, StringComparison.Ordinal);
            Assert.False(run.IsCompleted, "the file source should wait for the store");
        }

        Assert.Equal(ExitCodes.Ok, await run.WaitAsync(Timeout));
        Assert.Equal(0, store.PointsSpilled);
        Assert.Equal(0, store.PointsLost);
        Assert.InRange(store.PeakQueuedPoints, 1, 100);
        string[] tables = ["posture", "posture_summary", "posture_alert", "posture_bend", "device_status", "link_stats"];
        foreach (string table in tables)
        {
            Assert.Equal(Count("reference.db", table), Count("blocked.db", table));
        }

        Assert.True(Count("blocked.db", "posture") > 1000);
    }

    [Fact]
    public async Task LiveSource_WhenTheDiskQueueIsFull_LostPointsAreCountedReported_AndRunExits1()
    {
        byte[] capture = await File.ReadAllBytesAsync(await WriteCaptureAsync());
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        Task device = ServeOnceAsync(listener, capture);

        var log = new AwaitingLogger();
        var store = OpenStore("live.db", log, diskQueueBytes: 64 * 1024);
        using var stop = new CancellationTokenSource();
        (int exit, string errors) = await StandardErrorCapture.RunAsync(async () =>
        {
            Task<int> run;
            using (var writeLock = WriteLock("live.db"))
            {
                run = Task.Run(() => RunHost.RunAsync(Settings($"tcp://127.0.0.1:{port}"), TimeProvider.System, stop.Token, givenStores: [store]));
                string lost = await log.WhenLogged("points lost so far").WaitAsync(Timeout);
                Assert.Contains("is full", lost, StringComparison.Ordinal);
                Assert.False(run.IsCompleted);
            }

            await stop.CancelAsync();
            return await run.WaitAsync(Timeout);
        });

        Assert.Equal(ExitCodes.RuntimeFailure, exit);
        Assert.True(store.PointsLost > 0);
        Assert.True(store.PointsSpilled > 0);
        Assert.Contains($"posturestream run: {store.PointsLost} points were lost", errors, StringComparison.Ordinal);
        // What was not lost was stored: from memory, then from the disk queue.
        Assert.Equal(store.PointsCommitted, Count("live.db", "posture") + Count("live.db", "posture_summary") + Count("live.db", "posture_alert") + Count("live.db", "posture_bend") + Count("live.db", "device_status") + Count("live.db", "link_stats") + Count("live.db", "posture_neutral"));
        listener.Stop();
        await device.WaitAsync(Timeout).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private static async Task ServeOnceAsync(TcpListener listener, byte[] bytes)
    {
        using TcpClient client = await listener.AcceptTcpClientAsync();
        NetworkStream stream = client.GetStream();
        await stream.WriteAsync(bytes);
        // Stay connected (a device that keeps streaming): reading ends when run closes the link.
        var sink = new byte[1024];
        while (await stream.ReadAsync(sink) > 0)
        {
        }
    }

    private RunSettings Settings(string source) => new()
    {
        Sources = [new SourceSettings { Uri = source }],
        NoDashboard = true,
        Quiet = true,
        DataDirectory = Path.Combine(_dir, "data"),
    };

    private async Task<string> WriteCaptureAsync()
    {
        string capture = Path.Combine(_dir, "quick-demo.psp");
        await File.WriteAllBytesAsync(capture, CaptureWriter.ToArray(SimulationPlan.Create(ScenarioCatalog.Resolve(BuiltInScenarios.QuickDemo), 2)));
        return capture;
    }

    private SqliteStore OpenStore(string name, ILogger log, long diskQueueBytes = SqliteStoreOptions.BytesPerWearerDay) =>
        SqliteStore.Open(new SqliteStoreOptions
        {
            Path = Path.Combine(_dir, name),
            BatchSize = 50,
            MaxQueuedPoints = 100,
            DiskQueueMaxBytes = diskQueueBytes,
            FlushInterval = TimeSpan.FromMilliseconds(50),
        }, log);

    /// <summary>Holds the file's write lock (BEGIN IMMEDIATE) until disposed: every commit of the store fails after its busy timeout.</summary>
    private SqliteConnection WriteLock(string name)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_dir, name), Pooling = false }.ToString());
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "BEGIN IMMEDIATE;";
        command.ExecuteNonQuery();
        return connection;
    }

    private long Count(string name, string table) => SqliteQuery.Scalar(Path.Combine(_dir, name), $"SELECT count(*) FROM {table}");

    /// <summary>Completes a task when a message containing a given text is logged.</summary>
    private sealed class AwaitingLogger : ILogger
    {
        private readonly ConcurrentQueue<string> _messages = new();
        private readonly ConcurrentBag<(string Fragment, TaskCompletionSource<string> Found)> _waiters = [];

        public Task<string> WhenLogged(string fragment)
        {
            var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((fragment, found));
            foreach (string message in _messages)
            {
                if (message.Contains(fragment, StringComparison.Ordinal))
                {
                    found.TrySetResult(message);
                }
            }

            return found.Task;
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            string message = formatter(state, exception);
            _messages.Enqueue(message);
            foreach (var (fragment, found) in _waiters)
            {
                if (message.Contains(fragment, StringComparison.Ordinal))
                {
                    found.TrySetResult(message);
                }
            }
        }
    }
}
