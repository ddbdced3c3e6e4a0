using System.Globalization;
using PostureStream.Storage.Influx;
using PostureStream.Storage.Points;
using PostureStream.Storage.Schema;
using PostureStream.Storage.Sqlite;
using PostureStream.Storage.Stores;
using PostureStream.Vocabulary;

namespace PostureStream.Storage.CrashWriter;

/// <summary>
/// <c>write STORE SPOOL</c>: writes posture points 0, 1, 2, … without end, printing
/// "persisted N" once points 0..N are fsynced in the spool. <c>drain STORE SPOOL</c>: opens the
/// spool, sends what it holds, prints "drained" and exits. <c>migrate FILE CHUNK_ROWS</c>: opens an
/// older SQLite store, which migrates it in chunks; after the first chunk it prints "moved N" and
/// waits on stdin, so the test can kill it mid-migration.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 3)
        {
            await Console.Error.WriteLineAsync("usage: write|drain STORE_URI SPOOL_DIR");
            return 2;
        }

        if (args[0] == "migrate")
        {
            return await MigrateAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
        }

        var options = new InfluxWriterOptions
        {
            SpoolDirectory = args[2],
            BatchSize = 100,
            FlushInterval = TimeSpan.FromMilliseconds(50),
            InitialRetryDelay = TimeSpan.FromMilliseconds(50),
            MaxRetryDelay = TimeSpan.FromMilliseconds(500),
        };
        await using var writer = new InfluxWriter(InfluxTarget.Parse(args[1]), options);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        if (args[0] == "drain")
        {
            await writer.FlushAsync(deadline.Token);
            Console.WriteLine("drained");
            return 0;
        }

        var device = new DeviceSeries("crash belt", 7);
        var start = new DateTime(2026, 11, 22, 1, 0, 0, DateTimeKind.Utc);
        for (int i = 0; ; i++)
        {
            writer.Write(new PostureRecord(device, start.AddMilliseconds(i), i, 0, 0, 0, 0, 0, 0, Activity.Standing, PostureState.Neutral));
            if (i % 50 == 49)
            {
                await writer.PersistAsync(deadline.Token);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"persisted {i}"));
            }
        }
    }

    private static async Task<int> MigrateAsync(string path, int chunkRows)
    {
        var progress = new StopAfterFirstChunk();
        await using var store = SqliteStore.Open(new SqliteStoreOptions { Path = path, MigrationChunkRows = chunkRows, MigrationProgress = progress });
        Console.WriteLine("migrated");
        return 0;
    }

    /// <summary>Prints the first chunk moved, then blocks the migration until the process is killed.</summary>
    private sealed class StopAfterFirstChunk : IProgress<StoreOpenProgress>
    {
        public void Report(StoreOpenProgress value)
        {
            if (value.Done > 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"moved {value.Done} of {value.Total}"));
                Console.Out.Flush();
                Console.In.ReadLine();
            }
        }
    }
}
