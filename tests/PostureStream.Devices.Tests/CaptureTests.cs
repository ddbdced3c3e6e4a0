using PostureStream.Devices.Links;
using PostureStream.Devices.Session;
using PostureStream.Devices.Sources;
using PostureStream.Devices.Tests.Support;
using PostureStream.Protocol;
using PostureStream.Testing;

namespace PostureStream.Devices.Tests;

public sealed class CaptureTests
{
    private static readonly HelloMessage Hello = new(0x42, 2, 0, 1, 100, SensorMask.Both, "replay-me");

    [Fact]
    public async Task Recording_ThenFileReplay_YieldsTheSameFramesAsTheLiveRun()
    {
        using var dir = new TempDirectory();
        string capture = dir.Sub("live.psp");
        await using var pty = TestPty.Create(dir.Sub("sensor"));
        await using var device = new ScriptedDevice(pty.Master);
        List<PspMessage> live;
        SessionIdentity liveIdentity;
        await using (var session = new DeviceSession(RecordingConnector.ToFile(new SerialConnector(pty.LinkPath, 115200), capture)))
        {
            using var events = new EventRecorder(session);
            await session.StartAsync(CancellationToken.None);
            await device.AnswerHandshakeAsync(Hello);
            await device.SendSamplesAsync(firstTick: 0, frames: 20, perFrame: 16);
            await device.SendAsync(new StatusMessage(3900, 87, 3150, StatusFlags.Charging));
            await device.SendAsync(new EventMessage(3_200_000, DeviceEventCode.CalibrateRequest, 0));
            await pty.Master.WriteAsync(new byte[] { 0x07, 0x01, 0xFF, 0x00 }, CancellationToken.None); // garbage: recorded as is
            await device.SendSamplesAsync(firstTick: 3_300_000, frames: 1);
            await events.NextAsync<MessageReceived>(); // the START ACK
            for (int i = 0; i < 21; i++)
            {
                await events.NextAsync<SamplesReceived>();
            }

            live = Messages(events.All);
            liveIdentity = events.All.OfType<DeviceIdentified>().Single().Identity;
        }

        await using var replay = new DeviceSession(new CaptureFileConnector(capture, ReplaySpeed.Max));
        using var replayed = new EventRecorder(replay);
        await replay.StartAsync(CancellationToken.None);
        await replayed.Completed;

        Assert.Equal(live, Messages(replayed.All));
        Assert.Equal(liveIdentity, replayed.All.OfType<DeviceIdentified>().Single().Identity);
        Assert.Equal(1, replayed.All.OfType<LinkStatsReported>().Sum(s => s.Stats.CobsErrors + s.Stats.CrcErrors + s.Stats.OtherErrors));
    }

    [Fact]
    public async Task RealtimeReplay_ReleasesEachSamplesFrame_AtItsDeviceTime()
    {
        using var dir = new TempDirectory();
        string capture = WriteCapture(dir.Sub("paced.psp"), ticks: [0, 100_000, 300_000]);
        var time = new ManualTimeProvider();
        await using IDeviceLink link = await new CaptureFileConnector(capture, ReplaySpeed.Realtime, time).ConnectAsync(CancellationToken.None);
        var reader = new FrameReader(link);

        Assert.Equal(0u, await reader.NextTickAsync());
        Task<uint> second = reader.NextTickAsync();
        time.Advance(TimeSpan.FromMilliseconds(99));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(100_000u, await second.WaitAsync(LinkExtensions.Patience));
        Task<uint> third = reader.NextTickAsync();
        time.Advance(TimeSpan.FromMilliseconds(199));
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(300_000u, await third.WaitAsync(LinkExtensions.Patience));
    }

    [Fact]
    public async Task SpeedFactor_DividesTheDeviceTime_AndFollowsATickWrap()
    {
        using var dir = new TempDirectory();
        string capture = WriteCapture(dir.Sub("wrap.psp"), ticks: [uint.MaxValue - 99_999, 300_000]); // 400 ms across the wrap
        var time = new ManualTimeProvider();
        await using IDeviceLink link = await new CaptureFileConnector(capture, ReplaySpeed.Times(4), time).ConnectAsync(CancellationToken.None);
        var reader = new FrameReader(link);

        await reader.NextTickAsync();
        Task<uint> second = reader.NextTickAsync();
        time.Advance(TimeSpan.FromMilliseconds(99));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(300_000u, await second.WaitAsync(LinkExtensions.Patience));
    }

    [Fact]
    public async Task MaxSpeedReplay_NeedsNoClock()
    {
        using var dir = new TempDirectory();
        string capture = WriteCapture(dir.Sub("fast.psp"), ticks: [0, 3_600_000_000]);
        var time = new ManualTimeProvider(); // never advanced
        await using IDeviceLink link = await new CaptureFileConnector(capture, ReplaySpeed.Max, time).ConnectAsync(CancellationToken.None);
        var reader = new FrameReader(link);

        Assert.Equal(0u, await reader.NextTickAsync());
        Assert.Equal(3_600_000_000u, await reader.NextTickAsync().WaitAsync(LinkExtensions.Patience));
    }

    [Fact]
    public async Task FileSourceUri_ReplaysTheCapture_UnderTheNameItGives()
    {
        using var dir = new TempDirectory();
        string capture = WriteCapture(dir.Sub("named.psp"), ticks: [0, 40_000, 80_000]);

        await using DeviceSession session = DeviceSources.CreateSession($"file:{capture}?speed=max&name=clinic-7", deviceName: "ignored");
        using var events = new EventRecorder(session);
        await session.StartAsync(CancellationToken.None);
        await events.Completed;

        Assert.Equal(Vocabulary.Transport.File, session.Transport);
        Assert.Equal("clinic-7", events.All.OfType<DeviceIdentified>().Single().Identity.DisplayName);
        Assert.Equal(3, events.All.OfType<SamplesReceived>().Count());
        Assert.Equal(6, events.All.OfType<LinkStatsReported>().Sum(s => s.Stats.Samples));
    }

    [Fact]
    public async Task ASubscriberThatThrows_EndsTheSessionWithItsError()
    {
        using var dir = new TempDirectory();
        string capture = WriteCapture(dir.Sub("boom.psp"), ticks: [0, 40_000]);
        await using var session = new DeviceSession(new CaptureFileConnector(capture, ReplaySpeed.Max));
        using IDisposable subscription = session.Events.Subscribe(e =>
        {
            if (e is SamplesReceived)
            {
                throw new InvalidOperationException("boom");
            }
        });

        await session.StartAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => session.Completion.WaitAsync(LinkExtensions.Patience));
        Assert.Equal("boom", error.Message);
    }

    [Fact]
    public async Task MissingCaptureFile_IsASourceOpenError()
    {
        var connector = new CaptureFileConnector("/nonexistent/capture.psp", ReplaySpeed.Max);

        var error = await Assert.ThrowsAsync<SourceOpenException>(() => connector.ConnectAsync(CancellationToken.None));

        Assert.Equal(SourceOpenFailure.NotFound, error.Failure);
        Assert.Contains("/nonexistent/capture.psp", error.Message, StringComparison.Ordinal);
    }

    private static List<PspMessage> Messages(IEnumerable<DeviceEvent> events) =>
        [.. events.Select(e => e switch
        {
            SamplesReceived s => s.Frame,
            MessageReceived m => m.Message,
            _ => null,
        }).OfType<PspMessage>()];

    private static string WriteCapture(string path, uint[] ticks)
    {
        using var file = File.Create(path);
        file.Write(PspEncoder.Encode(Hello));
        ushort seq = 1;
        foreach (uint tick in ticks)
        {
            file.Write(PspEncoder.Encode(ScriptedDevice.Samples(tick, 2) with { Seq = seq++ }));
        }

        return path;
    }

    /// <summary>Decodes a link's bytes and returns the first tick of each SAMPLES frame.</summary>
    private sealed class FrameReader(IDeviceLink link)
    {
        private readonly PspStreamDecoder _decoder = new();
        private readonly Queue<uint> _ticks = new();

        public async Task<uint> NextTickAsync()
        {
            var buffer = new byte[4096];
            while (_ticks.Count == 0)
            {
                int read = await link.ReadAsync(buffer, CancellationToken.None);
                Assert.True(read > 0, "the capture ended early");
                Decode(buffer.AsSpan(0, read));
            }

            return _ticks.Dequeue();
        }

        private void Decode(ReadOnlySpan<byte> bytes)
        {
            while (_decoder.TryDecode(ref bytes, out PspFrame frame))
            {
                if (frame.Type == PspMessageType.Samples)
                {
                    _ticks.Enqueue(frame.GetSample(0).TickMicroseconds);
                }
            }
        }
    }
}
