using PostureStream.Devices.Links;
using PostureStream.Devices.Session;
using PostureStream.Devices.Tests.Support;
using PostureStream.Protocol;
using PostureStream.Testing;

namespace PostureStream.Devices.Tests;

/// <summary>The device session against a scripted device on a real PTY.</summary>
public sealed class SessionTests : ScriptedPtyFixture
{
    [Fact]
    public async Task Connect_SendsIdentifyAndStart_AndTakesTheIdentityFromHello()
    {
        await using var session = NewSession();
        using var events = new EventRecorder(session);

        await session.StartAsync(CancellationToken.None);
        await Device.AnswerHandshakeAsync(Hello);
        DeviceIdentified identified = await events.NextAsync<DeviceIdentified>();

        Assert.IsType<IdentifyMessage>(Device.Received[0]);
        Assert.IsType<StartMessage>(Device.Received[1]);
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
        await Device.ExpectAsync<IdentifyMessage>();

        await Device.SendSamplesAsync(firstTick: 1_000, frames: 3);
        await Device.SendAsync(Hello);
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
        await Device.ExpectAsync<IdentifyMessage>();
        await Device.SendSamplesAsync(firstTick: 5_000, frames: 2);

        Time.Advance(TimeSpan.FromMilliseconds(500));
        await Device.ExpectAsync<IdentifyMessage>(); // retried while waiting
        Time.Advance(TimeSpan.FromMilliseconds(1400));
        Assert.DoesNotContain(events.All, e => e is DeviceIdentified);
        Time.Advance(TimeSpan.FromMilliseconds(100));
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
        BuzzMessage buzz = await Device.ExpectAsync<BuzzMessage>();
        await Device.AckAsync(buzz);
        Task<AckResult> busy = session.BuzzAsync(BuzzPattern.Short, TimeSpan.FromMilliseconds(100), 50, CancellationToken.None);
        BuzzMessage second = await Device.ExpectAsync<BuzzMessage>();
        await Device.AckAsync(second, AckResult.Busy);

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
        BuzzMessage first = await Device.ExpectAsync<BuzzMessage>(); // its ACK is "lost": none is sent
        Time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(result.IsCompleted);
        Time.Advance(TimeSpan.FromMilliseconds(1));
        BuzzMessage retry = await Device.ExpectAsync<BuzzMessage>();
        await Device.AckAsync(retry);

        Assert.Equal(AckResult.Ok, await result.WaitAsync(LinkExtensions.Patience));
        Assert.Equal(first, retry); // same seq, same bytes
    }

    [Fact]
    public async Task UnansweredCommand_IsRetriedOnlyOnce_ThenFails()
    {
        await using var session = await ConnectedSessionAsync();

        Task<AckResult> result = session.BuzzAsync(BuzzPattern.Short, TimeSpan.FromMilliseconds(200), 60, CancellationToken.None);
        BuzzMessage first = await Device.ExpectAsync<BuzzMessage>();
        Time.Advance(TimeSpan.FromMilliseconds(500));
        await Device.ExpectAsync<BuzzMessage>();
        Time.Advance(TimeSpan.FromMilliseconds(500));
        var failure = await Assert.ThrowsAsync<CommandNotAcknowledgedException>(() => result.WaitAsync(LinkExtensions.Patience));
        Time.Advance(TimeSpan.FromSeconds(10));
        // A later command is the next thing the device hears: nothing was sent a third time.
        Task<AckResult> stop = session.StopStreamingAsync(CancellationToken.None);
        StopMessage stopFrame = await Device.ExpectAsync<StopMessage>();
        await Device.AckAsync(stopFrame);
        await stop.WaitAsync(LinkExtensions.Patience);

        Assert.Equal(first.Seq, failure.Seq);
        Assert.Equal(2, Device.Received.OfType<BuzzMessage>().Count());
        Assert.All(Device.Received.OfType<BuzzMessage>(), b => Assert.Equal(first.Seq, b.Seq));
    }

    [Fact]
    public async Task LinkStats_CountFramesAndSamplesPerInterval()
    {
        await using var session = await ConnectedSessionAsync();
        using var events = new EventRecorder(session);

        await Device.SendSamplesAsync(firstTick: 0, frames: 5, perFrame: 10);
        Device.NextSeq += 3; // three frames lost on the way
        await Device.SendSamplesAsync(firstTick: 1_000_000, frames: 1, perFrame: 10);
        for (int i = 0; i < 6; i++)
        {
            await events.NextAsync<SamplesReceived>();
        }

        Time.Advance(TimeSpan.FromSeconds(10));
        LinkStats first = (await events.NextAsync<LinkStatsReported>()).Stats;
        Time.Advance(TimeSpan.FromSeconds(10));
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

        byte[] stream = [.. Enumerable.Range(0, Frames).SelectMany(i => Device.Frame(ScriptedDevice.Samples((uint)i * 160_000, 16)))];
        Task writing = Pty.Master.WriteAsync(stream, CancellationToken.None).AsTask();
        for (int i = 0; i < Frames; i++)
        {
            SamplesReceived received = await events.NextAsync<SamplesReceived>();
            Assert.Equal((uint)i * 160_000, received.Frame.Samples[0].TickMicroseconds);
        }

        await writing.WaitAsync(LinkExtensions.Patience);
        Time.Advance(TimeSpan.FromSeconds(10));
        LinkStats stats = (await events.NextAsync<LinkStatsReported>()).Stats;
        Assert.Equal(Frames * 16, stats.Samples);
        Assert.Equal(0, stats.CrcErrors + stats.CobsErrors + stats.OtherErrors + stats.LostFrames + stats.Resyncs);
    }

    private DeviceSession NewSession(DeviceSessionOptions? options = null) =>
        new(new SerialConnector(Pty.LinkPath, 115200), options, Time);

    private async Task<DeviceSession> ConnectedSessionAsync()
    {
        DeviceSession session = NewSession();
        using var events = new EventRecorder(session);
        await session.StartAsync(CancellationToken.None);
        await Device.AnswerHandshakeAsync(Hello);
        await events.NextAsync<DeviceIdentified>();
        return session;
    }
}
