using System.Threading.Channels;
using PostureStream.Devices.Tests.Support;
using PostureStream.Devices.WitMotion;
using PostureStream.Protocol.WitMotion;
using PostureStream.Testing;
using static PostureStream.Devices.Tests.WitMotion.WitMotionSensorLinkTests;

namespace PostureStream.Devices.Tests.WitMotion;

/// <summary><c>record=</c> keeps arrival times with the bytes; <c>file:</c> replays them to the same readings.</summary>
public sealed class WitMotionCaptureTests
{
    private static async Task<List<WitMotionSensorEvent>> AllAsync(ChannelReader<WitMotionSensorEvent> events)
    {
        var all = new List<WitMotionSensorEvent>();
        using var timeout = new CancellationTokenSource(LinkExtensions.Patience);
        await foreach (WitMotionSensorEvent e in events.ReadAllAsync(timeout.Token))
        {
            all.Add(e);
        }

        return all;
    }

    /// <summary>Events compared by value (the readings lists by content).</summary>
    private static List<string> Describe(IEnumerable<WitMotionSensorEvent> events) => events.Select(e => e switch
    {
        WitMotionReadingsReceived r => $"{r.ArrivalMicroseconds} " + string.Join(";", r.Readings),
        WitMotionSensorStatsReported s => $"{s.ArrivalMicroseconds} stats {s.Stats with { Transport = PostureStream.Vocabulary.Transport.File }}",
        _ => e.ToString(),
    }).ToList();

    [Fact]
    public async Task RecordedSerialSession_ReplaysToTheSameReadingsAndTimes()
    {
        using var dir = new TempDirectory();
        string capture = dir.Sub("session.pstimed");
        await using var pty = TestPty.Create(dir.Sub("wt901"));
        var time = new ManualTimeProvider();
        var live = new List<WitMotionSensorEvent>();
        var sensor = new WitMotionSerialStandIn(pty.Master);
        WitMotionSensorLink link = WitMotionSources.Create($"witmotion-serial:{pty.LinkPath}?baud=115200&record={capture}", time);
        ChannelReader<WitMotionSensorEvent> events = Collect(link);
        await link.StartAsync(CancellationToken.None);

        for (int i = 0; i < 5; i++)
        {
            // Garbage and a torn packet are part of what is recorded and replayed.
            await sensor.SendAsync(i == 2 ? [0x13, 0x55, .. WitMotionSerialStandIn.Cycle(i, -i)[..5]] : WitMotionSerialStandIn.Cycle(i, -i));
            await sensor.SendAsync(WitMotionSerialStandIn.Cycle(i, -i, yaw: 1));
            await sensor.SendAsync(WitMotionSerialStandIn.Cycle(i, -i, yaw: 2));

            // Everything sent in this step has been read once its last angle is out; only then does time move on.
            while (await NextAsync<WitMotionSensorEvent>(events) is var e)
            {
                live.Add(e);
                if (e is WitMotionReadingsReceived r && r.Readings.Any(x => x.Kind == WitMotionReadingKind.Angle && Math.Abs(x.Z - 2) < 0.01))
                {
                    break;
                }
            }

            time.Advance(TimeSpan.FromSeconds(4));
        }

        await link.DisposeAsync();
        await sensor.DisposeAsync();
        live.AddRange(await AllAsync(events));

        await using WitMotionSensorLink replay = WitMotionSources.Create($"file:{capture}");
        ChannelReader<WitMotionSensorEvent> replayed = Collect(replay);
        await replay.StartAsync(CancellationToken.None);
        await replay.Completion.WaitAsync(LinkExtensions.Patience);
        List<WitMotionSensorEvent> again = await AllAsync(replayed);

        Assert.True(WitMotionSourceUri.IsWitMotion($"file:{capture}"));
        Assert.Contains(again, e => e is WitMotionSensorStatsReported { Stats.Errors: > 0 });
        // The live run has one more stats report (at dispose, stamped with the last read); readings and intervals match.
        Assert.Equal(Describe(live.OfType<WitMotionReadingsReceived>()), Describe(again.OfType<WitMotionReadingsReceived>()));
        Assert.Equal(Describe(live.OfType<WitMotionSensorStatsReported>()), Describe(again.OfType<WitMotionSensorStatsReported>()));
    }

    [Fact]
    public async Task Capture_KeepsLossesAndBleNotificationBoundaries()
    {
        using var dir = new TempDirectory();
        string path = dir.Sub("ble.pstimed");
        byte[] packet = WitMotionEncoder.EncodeBle(new WitMotionBlePacket(0, 0, 2048, 0, 0, 0, 100, 200, 300));
        await using (var file = File.Create(path))
        {
            WitMotionCapture.WriteHeader(file, WitMotionFraming.Ble);
            WitMotionCapture.WriteRecord(file, new WitMotionChunk(1_000, WitMotionChunkKind.Data, packet));
            WitMotionCapture.WriteRecord(file, new WitMotionChunk(2_000, WitMotionChunkKind.LinkLost, default));
            WitMotionCapture.WriteRecord(file, new WitMotionChunk(3_000, WitMotionChunkKind.LinkRestored, default));
            WitMotionCapture.WriteRecord(file, new WitMotionChunk(4_000, WitMotionChunkKind.Data, (byte[])[.. packet, .. packet]));
            WitMotionCapture.WriteRecord(file, new WitMotionChunk(5_000, WitMotionChunkKind.Data, packet[..19])); // a torn notification: a reject
            file.Write(new byte[5]); // a record cut short by a crash: the end
        }

        await using WitMotionSensorLink replay = WitMotionSources.Create($"file:{path}");
        ChannelReader<WitMotionSensorEvent> events = Collect(replay);
        await replay.StartAsync(CancellationToken.None);
        List<WitMotionSensorEvent> all = await AllAsync(events);

        Assert.Equal(
            ["readings 1000 3", "lost 2000", "restored 3000", "readings 4000 6", "stats 5000"],
            all.Select(e => e switch
            {
                WitMotionReadingsReceived r => $"readings {r.ArrivalMicroseconds} {r.Readings.Count}",
                WitMotionSensorLinkLost l => $"lost {l.ArrivalMicroseconds}",
                WitMotionSensorLinkRestored r => $"restored {r.ArrivalMicroseconds}",
                WitMotionSensorStatsReported s => $"stats {s.ArrivalMicroseconds}",
                _ => e.ToString(),
            }));
        WitMotionLinkStats stats = all.OfType<WitMotionSensorStatsReported>().Single().Stats;
        Assert.Equal((3L, 3L, 1L, 1L), (stats.Packets, stats.Samples, stats.Errors, stats.Reconnects));
    }

    [Fact]
    public async Task File_ThatIsNoTimedCapture_IsASourceError()
    {
        using var dir = new TempDirectory();
        string path = dir.Sub("raw.psp");
        await File.WriteAllBytesAsync(path, [1, 2, 3]);
        Assert.False(WitMotionSourceUri.IsWitMotion($"file:{path}"));
        await using WitMotionSensorLink link = WitMotionSources.Create($"file:{path}");
        var e = await Assert.ThrowsAsync<Links.SourceOpenException>(() => link.StartAsync(CancellationToken.None));
        Assert.Contains("PSTIMED1", e.Message, StringComparison.Ordinal);
    }
}
