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
    public void Completion_ClearsOpenEpisodes_AndAnyBatchSizeWritesTheSameFile()
    {
        PostureInput[] samples = new PostureInputBuilder().Hold(Pose.Sitting(-13), 70).Hold(Pose.Walking(), 10).Hold(Pose.Standing(10), 80).Build();

        byte[] Run(int batchSize)
        {
            var sink = new RecordingSink();
            var detector = new DeviceDetector(Detect.Device, Detect.Options());
            for (int at = 0; at < samples.Length; at += batchSize)
            {
                detector.Process(samples.AsSpan(at, Math.Min(batchSize, samples.Length - at)), sink);
            }

            detector.Complete(sink);
            using var buffer = new MemoryStream();
            using (var writer = new AlertJsonLinesWriter(buffer, leaveOpen: true))
            {
                foreach (AlertEvent a in sink.Alerts)
                {
                    writer.Write(a);
                }
            }

            Assert.NotEmpty(sink.Summaries);
            Assert.Equal(1600, sink.Points.Count);
            return buffer.ToArray();
        }

        byte[] first = Run(16);
        byte[] again = Run(7);
        Assert.Equal(first, again);
        string text = Encoding.UTF8.GetString(first);
        Assert.Equal(4, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        // The hyper-extension episode opens only once the walk is over (~1.3 s after the gait stops).
        Assert.EndsWith("\"kind\":\"hyperextension\",\"phase\":\"cleared\",\"episodeStart\":\"2026-03-02T09:01:21.300000Z\",\"durationSeconds\":78.69,\"peakDeltaDegrees\":10,\"activity\":\"standing\"}\n", text, StringComparison.Ordinal);
    }
}
