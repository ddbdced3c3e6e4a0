using System.Text;
using Microsoft.Extensions.Logging;
using PostureStream.Storage.Influx;
using PostureStream.Storage.Tests.Fixtures;

namespace PostureStream.Storage.Tests;

/// <summary>
/// A real influxd: a missing database keeps the data until it is created (no restart), and a
/// batch that always fails (behind a proxy that answers 500 to one line) cannot hold back the rest.
/// </summary>
[Collection(InfluxdCollection.Name)]
public sealed class InfluxdBlockingTests(InfluxdFixture fixture) : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task MissingDatabase_IsNamed_NothingDeadLettered_AndDataArrivesOnceItIsCreated()
    {
        var server = fixture.Server;
        const string database = "created_later";
        var device = new Points.DeviceSeries("config belt", 7);
        var log = new ListLogger();
        var options = new InfluxWriterOptions
        {
            SpoolDirectory = _dir.Sub("spool"),
            FlushInterval = TimeSpan.FromMilliseconds(50),
            InitialRetryDelay = TimeSpan.FromMilliseconds(50),
            MaxRetryDelay = TimeSpan.FromMilliseconds(200),
        };
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var writer = new InfluxWriter(InfluxTarget.Parse(server.StoreUri("v1", database, "ms"), _ => null), options, log);
        for (int i = 0; i < 500; i++)
        {
            writer.Write(InfluxdOutageTests.Point(device, i));
        }

        var flushed = writer.FlushAsync(deadline.Token);
        var error = await log.WhenLoggedAsync(LogLevel.Error).WaitAsync(deadline.Token);
        Assert.Contains("HTTP 404", error, StringComparison.Ordinal);
        Assert.Contains($"the database '{database}' does not exist: create it or fix db= in the store URI", error, StringComparison.Ordinal);
        Assert.False(flushed.IsCompleted);
        Assert.Equal(500, writer.Metrics.BacklogLines);

        await server.CreateDatabaseAsync(database);
        await flushed;
        Assert.Equal((0L, 0L), (writer.Metrics.BacklogLines, writer.Metrics.LinesDeadLettered));
        Assert.False(File.Exists(Path.Combine(_dir.Sub("spool"), "dead-letter.lp")));
        Assert.Equal(500, await server.CountAsync(database, "posture", "lumbar_pitch"));
        Assert.Contains(log.At(LogLevel.Warning), m => m.Contains("is reachable again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LineThatAlwaysGets500_BehindAProxy_IsQuarantined_EveryOtherPointIsStoredOnce()
    {
        var server = fixture.Server;
        const string database = "poison";
        await server.CreateDatabaseAsync(database);
        const int total = 2443;
        const int poison = 1000;
        using var forward = new HttpClient();
        // Answers 500 to every request holding the poison point; forwards everything else to influxd.
        using var proxy = new ScriptedHttpServer((request, _) =>
        {
            if (request.Body.Contains($"lumbar_pitch={poison},", StringComparison.Ordinal))
            {
                return (500, "{\"error\":\"engine: panic while writing\"}", null);
            }

            using var post = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{server.Port}{request.PathAndQuery}") { Content = new StringContent(request.Body, Encoding.UTF8) };
            using var response = forward.Send(post);
            using var reader = new StreamReader(response.Content.ReadAsStream());
            return ((int)response.StatusCode, reader.ReadToEnd(), null);
        });

        var log = new ListLogger();
        var options = new InfluxWriterOptions
        {
            SpoolDirectory = _dir.Sub("poison-spool"),
            BatchSize = 200,
            FlushInterval = TimeSpan.FromMilliseconds(50),
            InitialRetryDelay = TimeSpan.FromMilliseconds(20),
            MaxRetryDelay = TimeSpan.FromMilliseconds(100),
            QuarantineAfterFailures = 3,
        };
        var device = new Points.DeviceSeries("poison belt", 9);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using (var writer = new InfluxWriter(InfluxTarget.Parse($"influxdb-v1:http://127.0.0.1:{proxy.Port}?db={database}&precision=ms", _ => null), options, log))
        {
            for (int i = 0; i < total; i++)
            {
                writer.Write(InfluxdOutageTests.Point(device, i));
            }

            await writer.FlushAsync(deadline.Token);
            Assert.Equal((1L, 0L, 0L), (writer.Metrics.LinesQuarantined, writer.Metrics.LinesDeadLettered, writer.Metrics.BacklogLines));
        }

        Assert.Equal(total - 1, await server.CountAsync(database, "posture", "lumbar_pitch"));
        var sum = await server.QueryAsync(database, "SELECT SUM(\"lumbar_pitch\") FROM \"posture\"");
        Assert.Equal((total * (total - 1) / 2.0) - poison, sum.GetProperty("series")[0].GetProperty("values")[0][1].GetDouble());
        var quarantined = (await File.ReadAllLinesAsync(Path.Combine(options.SpoolDirectory, "quarantine.lp"))).Where(l => !l.StartsWith('#')).ToList();
        Assert.Contains($"lumbar_pitch={poison},", Assert.Single(quarantined), StringComparison.Ordinal);
        Assert.Contains(log.At(LogLevel.Error), m => m.Contains("HTTP 500: {\"error\":\"engine: panic while writing\"}", StringComparison.Ordinal) && m.Contains("quarantine.lp", StringComparison.Ordinal));
    }
}
