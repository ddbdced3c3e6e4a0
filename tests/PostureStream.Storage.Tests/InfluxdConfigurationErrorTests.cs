using Microsoft.Extensions.Logging;
using PostureStream.Storage.Influx;
using PostureStream.Storage.Tests.Fixtures;

namespace PostureStream.Storage.Tests;

/// <summary>A real influxd without the database: the error names it, the data waits, and creating it lets the data in without a restart.</summary>
[Collection(InfluxdCollection.Name)]
public sealed class InfluxdConfigurationErrorTests(InfluxdFixture fixture) : IDisposable
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
}
