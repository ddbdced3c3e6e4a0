using PostureStream.Devices.Ble;
using PostureStream.Devices.Ble.StandIn;
using PostureStream.Protocol;

namespace PostureStream.Devices.Tests.Ble;

/// <summary>BleLink against the BlueZ stand-in on a real dbus-daemon.</summary>
public sealed class BleLinkTests
{
    private static void SendAll(BlueZStandIn standIn, IEnumerable<byte[]> frames)
    {
        foreach (byte[] notification in WearerFrames.Notifications(frames))
        {
            standIn.Notify(notification);
        }
    }

    [Fact]
    public async Task Stream_SplitAcrossNotifications_ArrivesIntact()
    {
        await using BleTestBed bed = await BleTestBed.StartAsync();
        await using var link = new BleLink(bed.LinkOptions());
        using var collector = new DecodingCollector(link);

        await Wait.For(link.StartAsync(CancellationToken.None));
        Assert.Equal(BlueZStandIn.NotificationMode.AcquiredSocket, await Wait.For(bed.StandIn!.NotificationsStarted));
        List<byte[]> frames = WearerFrames.Build(samplesFrames: 40);
        SendAll(bed.StandIn, frames);

        await collector.WaitForFramesAsync(frames.Count);
        Assert.Equal(frames, collector.Frames);
        Assert.Equal(0, collector.Stats.CrcErrors + collector.Stats.CobsErrors + collector.Stats.OtherErrors);
        Assert.Equal("le", bed.StandIn.DiscoveryFilter?.GetString("Transport"));
    }

    [Fact]
    public async Task Stream_WhenAcquireNotifyIsRefused_ArrivesByPropertiesChanged()
    {
        await using BleTestBed bed = await BleTestBed.StartAsync(new StandInOptions { SupportsAcquireNotify = false });
        await using var link = new BleLink(bed.LinkOptions());
        using var collector = new DecodingCollector(link);

        await Wait.For(link.StartAsync(CancellationToken.None));
        Assert.Equal(BlueZStandIn.NotificationMode.PropertiesChanged, await Wait.For(bed.StandIn!.NotificationsStarted));
        Assert.True(link.NotifiesByProperties);
        List<byte[]> frames = WearerFrames.Build(samplesFrames: 10);
        SendAll(bed.StandIn, frames);

        await collector.WaitForFramesAsync(frames.Count);
        Assert.Equal(frames, collector.Frames);
    }

    [Theory]
    [InlineData(true, "acquired")]
    [InlineData(false, "command")]
    public async Task Buzz_IsWrittenToRx_InWritesOfAtMostMtuMinus3Bytes(bool acquireWrite, string expectedType)
    {
        await using BleTestBed bed = await BleTestBed.StartAsync(new StandInOptions { SupportsAcquireWrite = acquireWrite });
        await using var link = new BleLink(bed.LinkOptions());
        await Wait.For(link.StartAsync(CancellationToken.None));

        byte[] buzz = PspEncoder.Encode(new BuzzMessage(BuzzPattern.Double, 400, 70) { Seq = 5 });
        byte[] identifyAndStart = [.. PspEncoder.Encode(new IdentifyMessage { Seq = 6 }), .. PspEncoder.Encode(new StartMessage(100) { Seq = 7 }), .. buzz];
        await Wait.For(link.WriteAsync(buzz, CancellationToken.None));
        await Wait.For(link.WriteAsync(identifyAndStart, CancellationToken.None));

        BlueZStandIn.RxWrite first = await Wait.For(bed.StandIn!.Written.ReadAsync().AsTask());
        Assert.Equal(buzz, first.Value);
        Assert.Equal(expectedType, first.Type);
        var rest = new List<byte>();
        while (rest.Count < identifyAndStart.Length)
        {
            BlueZStandIn.RxWrite write = await Wait.For(bed.StandIn.Written.ReadAsync().AsTask());
            Assert.InRange(write.Value.Length, 1, 20);
            Assert.Equal(expectedType, write.Type);
            rest.AddRange(write.Value);
        }

        Assert.Equal(identifyAndStart, rest);
    }

    [Fact]
    public async Task DeviceGoingAway_EndsTheLink_AndWritesSayItIsDown()
    {
        await using BleTestBed bed = await BleTestBed.StartAsync();
        await using var link = new BleLink(bed.LinkOptions());
        using var collector = new DecodingCollector(link);
        await Wait.For(link.StartAsync(CancellationToken.None));
        await Wait.For(bed.StandIn!.NotificationsStarted);

        bed.StandIn.DropConnection();

        await collector.WaitForStatusAsync(BleLinkState.Disconnected, 1);
        var e = await Assert.ThrowsAsync<BleException>(() => link.WriteAsync(new byte[] { 1, 2, 3 }, CancellationToken.None));
        Assert.Equal(BleErrorKind.NotConnected, e.Kind);
    }

    [Fact]
    public async Task Dispose_DisconnectsTheDevice()
    {
        await using BleTestBed bed = await BleTestBed.StartAsync();
        var link = new BleLink(bed.LinkOptions());
        await Wait.For(link.StartAsync(CancellationToken.None));

        await link.DisposeAsync();

        Assert.Equal(1, bed.StandIn!.DisconnectCalls);
    }
}
