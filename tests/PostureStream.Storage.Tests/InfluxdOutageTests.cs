using Microsoft.Extensions.Logging;
using PostureStream.Storage.Influx;
using PostureStream.Storage.Points;
using PostureStream.Storage.Schema;
using PostureStream.Storage.Tests.Fixtures;
using PostureStream.Vocabulary;

namespace PostureStream.Storage.Tests;

/// <summary>influxd stopped mid-stream and started again on the same data: every point arrives exactly once.</summary>
public sealed class InfluxdOutageTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    internal static PostureRecord Point(DeviceSeries device, int index) => new(
        device, new DateTime(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc).AddMilliseconds(index),
        index, 0.5, 1.5, -0.25, 2.125, 10, -3.5, Activity.Walking, PostureState.Neutral);

    [Fact]
    public async Task InfluxdStoppedMidStream_ThenRestarted_EveryPointPresentExactlyOnce()
    {
        await using var server = await InfluxdServer.StartNewAsync();
        await server.CreateDatabaseAsync("outage");
        var device = new DeviceSeries("outage belt", 42);
        var log = new ListLogger();
        var options = new InfluxWriterOptions
        {
            SpoolDirectory = _dir.Sub("spool"),
            BatchSize = 200,
            FlushInterval = TimeSpan.FromMilliseconds(100),
            InitialRetryDelay = TimeSpan.FromMilliseconds(50),
            MaxRetryDelay = TimeSpan.FromMilliseconds(300),
            RequestTimeout = TimeSpan.FromSeconds(5),
        };
        const int total = 3000;
        await using (var writer = new InfluxWriter(InfluxTarget.Parse(server.StoreUri("v1", "outage", "ms"), _ => null), options, log))
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            for (int i = 0; i < total; i++)
            {
                writer.Write(Point(device, i));
                if (i % 100 == 99)
                {
                    await writer.PersistAsync(deadline.Token);
                }

                if (i == 999)
                {
                    await server.StopAsync();
                }
                else if (i == 1999)
                {
                    Assert.True(writer.Metrics.BacklogLines > 0);
                    // The outage lasts until the writer has said so: a stopping influxd may answer 5xx or time out
                    // rather than refuse, and those warn only once later batches fail too (not at the first failure).
                    string down = await log.WhenLoggedAsync(LogLevel.Warning).WaitAsync(deadline.Token);
                    Assert.Contains("not reachable", down, StringComparison.Ordinal);
                    await server.StartAsync();
                }
            }

            await writer.FlushAsync(deadline.Token);
            Assert.True(writer.Metrics.Retries > 0);
            Assert.Equal(0, writer.Metrics.BacklogLines);
        }

        Assert.Equal(total, await server.CountAsync("outage", "posture", "lumbar_pitch"));
        var sum = await server.QueryAsync("outage", "SELECT SUM(\"lumbar_pitch\") FROM \"posture\"");
        Assert.Equal(total * (total - 1) / 2.0, sum.GetProperty("series")[0].GetProperty("values")[0][1].GetDouble());
    }
}
