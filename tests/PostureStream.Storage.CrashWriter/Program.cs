using System.Globalization;
using PostureStream.Storage.Influx;
using PostureStream.Storage.Points;
using PostureStream.Storage.Schema;
using PostureStream.Vocabulary;

namespace PostureStream.Storage.CrashWriter;

/// <summary>
/// <c>write STORE SPOOL</c>: writes posture points 0, 1, 2, … without end, printing
/// "persisted N" once points 0..N are fsynced in the spool. <c>drain STORE SPOOL</c>: opens the
/// spool, sends what it holds, prints "drained" and exits.
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
}
