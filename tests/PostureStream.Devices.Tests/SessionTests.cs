using PostureStream.Devices.Links;
using PostureStream.Devices.Session;
using PostureStream.Devices.Tests.Support;
using PostureStream.Protocol;
using PostureStream.Testing;

namespace PostureStream.Devices.Tests;

/// <summary>The device session against a scripted device on a real PTY.</summary>
public sealed class SessionTests : IAsyncLifetime
{
    private static readonly HelloMessage Hello = new(0x0123_4567_89AB_CDEF, 1, 2, 3, 100, SensorMask.Both, "lumbar-kit");

    private readonly TempDirectory _dir = new();
    private readonly ManualTimeProvider _time = new();
    private TestPty _pty = null!;
    private ScriptedDevice _device = null!;

    public Task InitializeAsync()
    {
        _pty = TestPty.Create(_dir.Sub("sensor"));
        _device = new ScriptedDevice(_pty.Master);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _device.DisposeAsync();
        await _pty.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Connect_SendsIdentifyAndStart_AndTakesTheIdentityFromHello()
    {
        await using var session = NewSession();
        using var events = new EventRecorder(session);

        await session.StartAsync(CancellationToken.None);
        await _device.AnswerHandshakeAsync(Hello);
        DeviceIdentified identified = await events.NextAsync<DeviceIdentified>();

        Assert.IsType<IdentifyMessage>(_device.Received[0]);
        Assert.IsType<StartMessage>(_device.Received[1]);
        Assert.Equal("lumbar-kit", identified.Identity.DisplayName);
        Assert.Equal("0123456789abcdef", identified.Identity.DeviceIdHex);
        Assert.True(identified.Identity.IsFromHello);
    }

    [Fact]
    public async Task SamplesBeforeHello_AreHeld_AndDeliveredInOrderAfterTheIdentity()
    {
        await using var session = NewSession();
        using var events = new EventRecorder(session);
        await session.StartAsync(CancellationToken.None);
        await _device.ExpectAsync<IdentifyMessage>();

        await _device.SendSamplesAsync(firstTick: 1_000, frames: 3);
        await _device.SendAsync(Hello);
        await events.NextAsync<SamplesReceived>();
        await events.NextAsync<SamplesReceived>();
        await events.NextAsync<SamplesReceived>();

        IReadOnlyList<DeviceEvent> all = events.All;
        Assert.IsType<DeviceIdentified>(all[0]);
        uint[] firstTicks = [.. all.OfType<SamplesReceived>().Select(s => s.Frame.Samples[0].TickMicroseconds)];
        Assert.Equal([1_000u, 41_000u, 81_000u], firstTicks);
        Assert.Equal(4, all.OfType<SamplesReceived>().First().Frame.Samples.Length); // whole frames, not single samples
    }

    [Fact]
    public async Task NoHelloWithinTwoSeconds_RetriesIdentify_ThenGoesOnWithTheDefaults()
    {
        await using var session = NewSession(new DeviceSessionOptions { SourceName = "desk" });
        using var events = new EventRecorder(session);
        await session.StartAsync(CancellationToken.None);
        await _device.ExpectAsync<IdentifyMessage>();
        await _device.SendSamplesAsync(firstTick: 5_000, frames: 2);

        _time.Advance(TimeSpan.FromMilliseconds(500));
        await _device.ExpectAsync<IdentifyMessage>(); // retried while waiting
        _time.Advance(TimeSpan.FromMilliseconds(1400));
        Assert.DoesNotContain(events.All, e => e is DeviceIdentified);
        _time.Advance(TimeSpan.FromMilliseconds(100));
        DeviceIdentified identified = await events.NextAsync<DeviceIdentified>();
        await events.NextAsync<SamplesReceived>();
        await events.NextAsync<SamplesReceived>();

        Assert.False(identified.Identity.IsFromHello);
        Assert.Equal(0ul, identified.Identity.DeviceId);
        Assert.Equal(SessionIdentity.DefaultSampleRateHz, identified.Identity.SampleRateHz);
        Assert.Equal(SensorMask.Both, identified.Identity.Sensors);
        Assert.Equal("desk", identified.Identity.DisplayName);
        Assert.IsType<DeviceIdentified>(events.All[0]);
    }

    [Fact]
    public async Task Buzz_AckedByTheDevice_CompletesWithItsResult()
    {
        await using var session = await ConnectedSessionAsync();

        Task<AckResult> ok = session.BuzzAsync(BuzzPattern.Double, TimeSpan.FromMilliseconds(300), 80, CancellationToken.None);
        BuzzMessage buzz = await _device.ExpectAsync<BuzzMessage>();
        await _device.AckAsync(buzz);
        Task<AckResult> busy = session.BuzzAsync(BuzzPattern.Short, TimeSpan.FromMilliseconds(100), 50, CancellationToken.None);
        BuzzMessage second = await _device.ExpectAsync<BuzzMessage>();
        await _device.AckAsync(second, AckResult.Busy);

        Assert.Equal(AckResult.Ok, await ok.WaitAsync(LinkExtensions.Patience));
        Assert.Equal(AckResult.Busy, await busy.WaitAsync(LinkExtensions.Patience));
        Assert.Equal(new BuzzMessage(BuzzPattern.Double, 300, 80) { Seq = buzz.Seq }, buzz);
        Assert.NotEqual(buzz.Seq, second.Seq);
    }

    [Fact]
    public async Task LostAck_IsRetriedOnceAfter500ms_WithTheSameSeq()
    {
        await using var session = await ConnectedSessionAsync();

        Task<AckResult> result = session.BuzzAsync(BuzzPattern.Long, TimeSpan.FromSeconds(1), 100, CancellationToken.None);
        BuzzMessage first = await _device.ExpectAsync<BuzzMessage>(); // its ACK is "lost": none is sent
        _time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(result.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        BuzzMessage retry = await _device.ExpectAsync<BuzzMessage>();
        await _device.AckAsync(retry);

        Assert.Equal(AckResult.Ok, await result.WaitAsync(LinkExtensions.Patience));
        Assert.Equal(first, retry); // same seq, same bytes
    }

    [Fact]
    public async Task UnansweredCommand_IsRetriedOnlyOnce_ThenFails()
    {
        await using var session = await ConnectedSessionAsync();

        Task<AckResult> result = session.BuzzAsync(BuzzPattern.Short, TimeSpan.FromMilliseconds(200), 60, CancellationToken.None);
        BuzzMessage first = await _device.ExpectAsync<BuzzMessage>();
        _time.Advance(TimeSpan.FromMilliseconds(500));
        await _device.ExpectAsync<BuzzMessage>();
        _time.Advance(TimeSpan.FromMilliseconds(500));
        var failure = await Assert.ThrowsAsync<CommandNotAcknowledgedException>(() => result.WaitAsync(LinkExtensions.Patience));
        _time.Advance(TimeSpan.FromSeconds(10));
        // A later command is the next thing the device hears: nothing was sent a third time.
        Task<AckResult> stop = session.StopStreamingAsync(CancellationToken.None);
        StopMessage stopFrame = await _device.ExpectAsync<StopMessage>();
        await _device.AckAsync(stopFrame);
        await stop.WaitAsync(LinkExtensions.Patience);

        Assert.Equal(first.Seq, failure.Seq);
        Assert.Equal(2, _device.Received.OfType<BuzzMessage>().Count());
        Assert.All(_device.Received.OfType<BuzzMessage>(), b => Assert.Equal(first.Seq, b.Seq));
    }

    [Fact]
    public async Task LinkStats_CountFramesAndSamplesPerInterval()
    {
        await using var session = await ConnectedSessionAsync();
        using var events = new EventRecorder(session);

        await _device.SendSamplesAsync(firstTick: 0, frames: 5, perFrame: 10);
        _device.NextSeq += 3; // three frames lost on the way
        await _device.SendSamplesAsync(firstTick: 1_000_000, frames: 1, perFrame: 10);
        for (int i = 0; i < 6; i++)
        {
            await events.NextAsync<SamplesReceived>();
        }

        _time.Advance(TimeSpan.FromSeconds(10));
        LinkStats first = (await events.NextAsync<LinkStatsReported>()).Stats;
        _time.Advance(TimeSpan.FromSeconds(10));
        LinkStats second = (await events.NextAsync<LinkStatsReported>()).Stats;

        Assert.Equal(Vocabulary.Transport.Serial, first.Transport);
        Assert.Equal(60, first.Samples);
        Assert.Equal(3, first.LostFrames);
        Assert.True(first.Frames >= 6); // plus HELLO and the START ACK
        Assert.Equal(TimeSpan.FromSeconds(10), second.Interval);
        Assert.Equal(0, second.Frames);
        Assert.Equal(0, second.Samples);
    }

    [Fact]
    public async Task AFloodOfFrames_ArrivesComplete_InOrder_WithoutErrors()
    {
        await using var session = await ConnectedSessionAsync();
        using var events = new EventRecorder(session);
        const int Frames = 3000; // ~600 KB: far more than a PTY buffers, so both ends must wait for each other

        byte[] stream = [.. Enumerable.Range(0, Frames).SelectMany(i => _device.Frame(ScriptedDevice.Samples((uint)i * 160_000, 16)))];
        Task writing = _pty.Master.WriteAsync(stream, CancellationToken.None).AsTask();
        for (int i = 0; i < Frames; i++)
        {
            SamplesReceived received = await events.NextAsync<SamplesReceived>();
            Assert.Equal((uint)i * 160_000, received.Frame.Samples[0].TickMicroseconds);
        }

        await writing.WaitAsync(LinkExtensions.Patience);
        _time.Advance(TimeSpan.FromSeconds(10));
        LinkStats stats = (await events.NextAsync<LinkStatsReported>()).Stats;
        Assert.Equal(Frames * 16, stats.Samples);
        Assert.Equal(0, stats.CrcErrors + stats.CobsErrors + stats.OtherErrors + stats.LostFrames + stats.Resyncs);
    }

    private DeviceSession NewSession(DeviceSessionOptions? options = null) =>
        new(new SerialConnector(_pty.LinkPath, 115200), options, _time);

    private async Task<DeviceSession> ConnectedSessionAsync()
    {
        DeviceSession session = NewSession();
        using var events = new EventRecorder(session);
        await session.StartAsync(CancellationToken.None);
        await _device.AnswerHandshakeAsync(Hello);
        await events.NextAsync<DeviceIdentified>();
        return session;
    }
}
