using System.Reactive.Linq;
using System.Text;
using PostureStream.Signals.Detection;
using PostureStream.Vocabulary;

namespace PostureStream.Signals.Tests.Detection;

public sealed class AlertJsonLinesTests
{
    [Fact]
    public void Line_MatchesTheDesignByteForByte()
    {
        var alert = new AlertEvent(
            new DeviceIdentity(0x00000000cafe0042, "anna"),
            new DateTime(2026, 3, 2, 9, 1, 0, 123, 456, DateTimeKind.Utc).AddTicks(7),
            61_000_000,
            AlertKind.Flattening,
            AlertPhase.Raised,
            new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc),
            1_000_000,
            TimeSpan.FromMicroseconds(60_000_010),
            -12.3456,
            Activity.Sitting,
            Buzzed: true);
        Assert.Equal(
            """{"time":"2026-03-02T09:01:00.123456Z","device":"anna","deviceId":"00000000cafe0042","kind":"flattening","phase":"raised","episodeStart":"2026-03-02T09:00:00.000000Z","durationSeconds":60.00001,"peakDeltaDegrees":-12.346,"activity":"sitting"}""",
            AlertJsonLinesWriter.Format(alert));
    }

    [Fact]
    public void Writer_PutsOneAlertPerLine_WithEscapedNames()
    {
        using var buffer = new MemoryStream();
        using (var writer = new AlertJsonLinesWriter(buffer, leaveOpen: true))
        {
            var alerts = Detect.Run(new PostureInputBuilder().Hold(Pose.Standing(9), 70), complete: true).Alerts;
            foreach (AlertEvent a in alerts)
            {
                writer.Write(a with { Device = new DeviceIdentity(7, "Zoë \"desk\"") });
            }
        }

        string[] lines = Encoding.UTF8.GetString(buffer.ToArray()).Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal("", lines[2]);
        Assert.Equal(
            """{"time":"2026-03-02T09:01:00.000000Z","device":"Zoë \"desk\"","deviceId":"0000000000000007","kind":"hyperextension","phase":"raised","episodeStart":"2026-03-02T09:00:00.000000Z","durationSeconds":60,"peakDeltaDegrees":9,"activity":"standing"}""",
            lines[0]);
        Assert.Contains("\"phase\":\"cleared\"", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"durationSeconds\":69.99,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RxOperator_ClearsOpenEpisodesAtCompletion_AndReplaysIdentically()
    {
        var b = new PostureInputBuilder().Hold(Pose.Sitting(-13), 70).Hold(Pose.Walking(), 10).Hold(Pose.Standing(10), 80);
        PostureInput[] samples = b.Build();

        async Task<byte[]> RunAsync(int batchSize)
        {
            var batches = Enumerable.Range(0, (samples.Length + batchSize - 1) / batchSize)
                .Select(i => new PostureBatch(Detect.Device, samples.AsMemory(i * batchSize, Math.Min(batchSize, samples.Length - (i * batchSize)))));
            var outputs = await batches.ToObservable().DetectPosture(Detect.Options()).ToList().Timeout(TimeSpan.FromSeconds(30));
            using var buffer = new MemoryStream();
            using (var writer = new AlertJsonLinesWriter(buffer, leaveOpen: true))
            {
                foreach (AlertOutput a in outputs.OfType<AlertOutput>())
                {
                    writer.Write(a.Alert);
                }
            }

            Assert.NotEmpty(outputs.OfType<SummaryOutput>());
            Assert.Equal(1600, outputs.OfType<PostureOutput>().Count());
            return buffer.ToArray();
        }

        byte[] first = await RunAsync(16);
        byte[] again = await RunAsync(7);
        Assert.Equal(first, again);
        string text = Encoding.UTF8.GetString(first);
        Assert.Equal(4, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        // The hyper-extension episode opens only once the walk is over (~1.3 s after the gait stops).
        Assert.EndsWith("\"kind\":\"hyperextension\",\"phase\":\"cleared\",\"episodeStart\":\"2026-03-02T09:01:21.300000Z\",\"durationSeconds\":78.69,\"peakDeltaDegrees\":10,\"activity\":\"standing\"}\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Sinks_Combine_AndTheAlertsSinkWritesOnlyAlerts()
    {
        using var buffer = new MemoryStream();
        var recording = new RecordingSink();
        using (var writer = new AlertJsonLinesWriter(buffer, leaveOpen: true))
        {
            var sink = new CompositeDetectionSink(new AlertJsonLinesSink(writer), recording);
            var detector = new DeviceDetector(Detect.Device, Detect.Options());
            Detect.Feed(detector, new PostureInputBuilder().Hold(Pose.Sitting(-12), 61).Build(), sink);
            detector.Complete(sink);
        }

        string[] lines = Encoding.UTF8.GetString(buffer.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(recording.Alerts.Select(a => AlertJsonLinesWriter.Format(a)), lines);
        Assert.Equal(2, lines.Length);
        Assert.Equal(610, recording.Points.Count);
    }
}
