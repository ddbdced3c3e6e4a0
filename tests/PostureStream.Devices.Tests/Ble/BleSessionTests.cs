using System.Threading.Channels;
using PostureStream.Devices.Ble;
using PostureStream.Devices.Session;
using PostureStream.Protocol;

namespace PostureStream.Devices.Tests.Ble;

/// <summary>
/// <c>run --source ble:…</c>: a device session over <see cref="BleLinkConnector"/> and the BlueZ stand-in —
/// the handshake goes out, the stream comes in, BUZZ is ACKed, and a drop is a gap the session reconnects.
/// </summary>
public sealed class BleSessionTests
{
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
}
