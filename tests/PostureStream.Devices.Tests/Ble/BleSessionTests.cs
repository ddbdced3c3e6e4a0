using System.Threading.Channels;
using PostureStream.Devices.Ble;
using PostureStream.Devices.Ble.StandIn;
using PostureStream.Devices.Session;
using PostureStream.Protocol;

namespace PostureStream.Devices.Tests.Ble;

/// <summary>
/// <c>run --source ble:…</c>: a device session over <see cref="BleLinkConnector"/> and the BlueZ stand-in —
/// the handshake goes out, the stream comes in, BUZZ is ACKed, and a drop is a gap the session reconnects.
/// The link itself is one connection: every reconnect here is the session's.
/// </summary>
public sealed class BleSessionTests
{
    /// <summary>Short waits between reconnect attempts, so a retried device comes back quickly.</summary>
    private static readonly DeviceSessionOptions QuickRetries = new()
    {
        ReconnectInitialDelay = TimeSpan.FromMilliseconds(20),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
    };

    private static async Task<T> NextAsync<T>(ChannelReader<DeviceEvent> events)
        where T : DeviceEvent
    {
        while (true)
        {
            if (await Wait.For(events.ReadAsync().AsTask()) is T wanted)
            {
                return wanted;
            }
        }
    }

    private static void SendAll(BlueZStandIn standIn, IEnumerable<byte[]> frames)
    {
        foreach (byte[] notification in WearerFrames.Notifications(frames))
        {
            standIn.Notify(notification);
        }
    }

    private static async Task<List<ushort>> SamplesSeqsAsync(ChannelReader<DeviceEvent> events, int count)
    {
        var seqs = new List<ushort>();
        while (seqs.Count < count)
        {
            seqs.Add((await NextAsync<SamplesReceived>(events)).Frame.Seq);
        }

        return seqs;
    }

    private static async Task<(DeviceSession Session, ChannelReader<DeviceEvent> Events, IDisposable Subscription)> StartSessionAsync(BleTestBed bed)
    {
        var session = new DeviceSession(new BleLinkConnector(bed.LinkOptions()), QuickRetries);
        var events = Channel.CreateUnbounded<DeviceEvent>();
        IDisposable subscription = session.Events.Subscribe(e => events.Writer.TryWrite(e));
        await Wait.For(session.StartAsync(CancellationToken.None));
        return (session, events.Reader, subscription);
    }
    private static async Task<List<PspMessage>> HostCommandsAsync(BlueZStandIn standIn, int count)
    {
        var decoder = new PspStreamDecoder();
        var commands = new List<PspMessage>();
        while (commands.Count < count)
        {
            BlueZStandIn.RxWrite write = await Wait.For(standIn.Written.ReadAsync().AsTask());
            ReadOnlySpan<byte> bytes = write.Value;
            while (decoder.TryDecode(ref bytes, out PspFrame frame))
            {
                commands.Add(frame.ToMessage());
            }
        }

        return commands;
    }

    [Fact]
    public async Task Session_OverBle_Identifies_Streams_Buzzes_AndReconnects()
    {
        await using BleTestBed bed = await BleTestBed.StartAsync();
        await using var session = new DeviceSession(new BleLinkConnector(bed.LinkOptions()));
        var events = Channel.CreateUnbounded<DeviceEvent>();
        using IDisposable subscription = session.Events.Subscribe(e => events.Writer.TryWrite(e));

        await Wait.For(session.StartAsync(CancellationToken.None));
        await Wait.For(bed.StandIn!.NotificationsStarted);
        List<PspMessage> handshake = await HostCommandsAsync(bed.StandIn, 2);
        Assert.Equal([PspMessageType.Identify, PspMessageType.Start], handshake.Select(m => m.Type));

        List<byte[]> frames = WearerFrames.Build(samplesFrames: 4);
        foreach (byte[] chunk in WearerFrames.Notifications(frames))
        {
            bed.StandIn.Notify(chunk);
        }

        var identified = (DeviceIdentified)await Wait.For(events.Reader.ReadAsync().AsTask());
        Assert.Equal("PostureStream A", identified.Identity.DisplayName);
        for (int i = 0; i < 4; i++)
        {
            DeviceEvent e = await Wait.For(events.Reader.ReadAsync().AsTask());
            while (e is not SamplesReceived)
            {
                e = await Wait.For(events.Reader.ReadAsync().AsTask());
            }
        }

        Task<AckResult> buzz = session.BuzzAsync(BuzzPattern.Double, TimeSpan.FromMilliseconds(300), 80, CancellationToken.None);
        PspMessage sent = (await HostCommandsAsync(bed.StandIn, 1))[0];
        Assert.Equal(new BuzzMessage(BuzzPattern.Double, 300, 80) { Seq = sent.Seq }, sent);
        bed.StandIn.Notify(PspEncoder.Encode(new AckMessage(sent.Seq, PspMessageType.Buzz, AckResult.Ok) { Seq = 50 }));
        Assert.Equal(AckResult.Ok, await Wait.For(buzz));

        bed.StandIn.DropConnection();
        DeviceEvent next;
        do
        {
            next = await Wait.For(events.Reader.ReadAsync().AsTask());
        }
        while (next is not LinkLost);

        do
        {
            next = await Wait.For(events.Reader.ReadAsync().AsTask());
        }
        while (next is not LinkRestored);

        Assert.Equal(1, ((LinkRestored)next).Reconnects);
    }

    [Fact]
    public async Task DeviceGoingAway_IsReconnected_AndAFrameCutByTheDropIsForgotten()
    {
        await using BleTestBed bed = await BleTestBed.StartAsync();
        var (session, events, subscription) = await StartSessionAsync(bed);
        await using DeviceSession _ = session;
        using IDisposable __ = subscription;
        await Wait.For(bed.StandIn!.NotificationsStarted);
        List<byte[]> before = WearerFrames.Build(samplesFrames: 5);
        SendAll(bed.StandIn, before);
        Assert.Equal([2, 3, 4, 5, 6], await SamplesSeqsAsync(events, 5));

        // Half a frame, then the device goes: the half must not glue onto the next connection's bytes.
        bed.StandIn.Notify(before[^1][..10]);
        bed.StandIn.DropConnection();
        await NextAsync<LinkLost>(events);
        Assert.Equal(1, (await NextAsync<LinkRestored>(events)).Reconnects);
        await Wait.For(bed.StandIn.NotificationsStarted);
        SendAll(bed.StandIn, WearerFrames.Build(samplesFrames: 5, firstSeq: 100));

        Assert.Equal([102, 103, 104, 105, 106], await SamplesSeqsAsync(events, 5));
    }

    [Fact]
    public async Task DeviceOutOfRange_IsRetriedWithBackoff_UntilItIsBack()
    {
        await using BleTestBed bed = await BleTestBed.StartAsync();
        var (session, events, subscription) = await StartSessionAsync(bed);
        await using DeviceSession _ = session;
        using IDisposable __ = subscription;
        Assert.True(await Wait.For(bed.StandIn!.ConnectAttempts.ReadAsync().AsTask()));

        bed.StandIn.DropConnection(outOfRange: true);
        await NextAsync<LinkLost>(events);
        Assert.False(await Wait.For(bed.StandIn.ConnectAttempts.ReadAsync().AsTask()));
        Assert.False(await Wait.For(bed.StandIn.ConnectAttempts.ReadAsync().AsTask()));

        bed.StandIn.ComeBackInRange();
        Assert.Equal(1, (await NextAsync<LinkRestored>(events)).Reconnects);
    }

    [Fact]
    public async Task SystemBusRestart_IsReconnected_AndTheStreamContinues()
    {
        await using BleTestBed bed = await BleTestBed.StartAsync();
        var (session, events, subscription) = await StartSessionAsync(bed);
        await using DeviceSession _ = session;
        using IDisposable __ = subscription;
        await Wait.For(bed.StandIn!.NotificationsStarted);

        await bed.RestartBusAsync();

        await NextAsync<LinkLost>(events);
        Assert.Equal(1, (await NextAsync<LinkRestored>(events)).Reconnects);
        await Wait.For(bed.StandIn.NotificationsStarted);
        SendAll(bed.StandIn, WearerFrames.Build(samplesFrames: 3));
        Assert.Equal([2, 3, 4], await SamplesSeqsAsync(events, 3));
    }
}
