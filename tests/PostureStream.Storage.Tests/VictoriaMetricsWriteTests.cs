using System.Text.Json;
using PostureStream.Storage.Influx;
using PostureStream.Storage.Points;
using PostureStream.Storage.Tests.Fixtures;

namespace PostureStream.Storage.Tests;

/// <summary>The /api/v2/write request shape (gzip, token header, bucket, precision) against VictoriaMetrics.</summary>
public sealed class VictoriaMetricsWriteTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("s", false)]
    [InlineData("ms", true)]
    [InlineData("us", true)]
    public async Task V2Write_IsAccepted_AndTimestampsKeepTheirPrecision(string precision, bool gzip)
    {
        await using var server = await VictoriaMetricsServer.StartNewAsync();
        var target = InfluxTarget.Parse($"influxdb-v2:http://127.0.0.1:{server.Port}?org=clinic&bucket=posture&token=vm-token&precision={precision}", _ => null);
        var device = new DeviceSeries("VM belt, left", 0xBEEF);
        // VictoriaMetrics keeps samples near the present: start an hour ago, on a whole second.
        var now = DateTime.UtcNow;
        var start = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, DateTimeKind.Utc).AddHours(-1);
        await using (var writer = new InfluxWriter(target, new InfluxWriterOptions { SpoolDirectory = _dir.Sub("spool"), Gzip = gzip }))
        {
            for (int i = 0; i < 5; i++)
            {
                writer.Write(new PostureBendRecord(device, start.AddSeconds(i).AddMilliseconds(250), 1.5 + i, 40, 20, 0.66, true));
            }

            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await writer.FlushAsync(deadline.Token);
            Assert.Equal((5L, 0L), (writer.Metrics.LinesSent, writer.Metrics.LinesDeadLettered));
        }

        var lines = await server.ExportAsync("posture_bend_duration_s");
        using var series = JsonDocument.Parse(Assert.Single(lines));
        var root = series.RootElement;
        Assert.Equal("VM belt, left", root.GetProperty("metric").GetProperty("device").GetString());
        Assert.Equal("000000000000beef", root.GetProperty("metric").GetProperty("device_id").GetString());
        Assert.Equal([1.5, 2.5, 3.5, 4.5, 5.5], root.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()));
        long startMs = (long)(start - DateTime.UnixEpoch).TotalMilliseconds;
        long fraction = precision == "s" ? 0 : 250;
        Assert.Equal(Enumerable.Range(0, 5).Select(i => startMs + (i * 1000) + fraction), root.GetProperty("timestamps").EnumerateArray().Select(t => t.GetInt64()));
    }
}
