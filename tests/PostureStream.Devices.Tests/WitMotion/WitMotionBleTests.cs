using System.Threading.Channels;
using PostureStream.Devices.Ble;
using PostureStream.Devices.Ble.StandIn;
using PostureStream.Devices.Tests.Ble;
using PostureStream.Devices.WitMotion;
using PostureStream.Protocol.WitMotion;
using static PostureStream.Devices.Tests.WitMotion.WitMotionSensorLinkTests;

namespace PostureStream.Devices.Tests.WitMotion;

/// <summary>
/// WT901BLECL sensors through the BlueZ path, on the BlueZ stand-in on a private dbus-daemon: the device offers
/// WitMotion's vendor service (0000ffe5-…9a34fb) and notifies 20-byte 0x55 0x61 packets on 0000ffe4-….
/// </summary>
public sealed class WitMotionBleTests
{
    private static readonly StandInDevice Sensor = new("E4:5F:01:00:00:01", "WT901BLE68", -50, Profile: WitMotionGatt.Profile);

    private static byte[] Packet(double rollDegrees, double pitchDegrees) => WitMotionEncoder.EncodeBle(new WitMotionBlePacket(
        0, 0, WitMotionScale.ToRaw(1, WitMotionScale.AccelerationG), 0, 0, 0,
        WitMotionScale.ToRaw(rollDegrees, WitMotionScale.AngleDegrees), WitMotionScale.ToRaw(pitchDegrees, WitMotionScale.AngleDegrees), 0));

    [Fact]
    public async Task BleSensor_DeliversReadings_SetsTheRate_RejectsImplausible_AndReconnects()
    {
        await using BleTestBed bed = await BleTestBed.StartAsync(new StandInOptions { Devices = [Sensor] });
        await using WitMotionSensorLink link = WitMotionSources.Create($"witmotion-ble:{Sensor.Address}?rate=50", TimeProvider.System, bleBusAddress: bed.Bus.Address);
        ChannelReader<WitMotionSensorEvent> events = Collect(link);
        await Wait.For(link.StartAsync(CancellationToken.None));
        await Wait.For(bed.StandIn!.NotificationsStarted);

        // The rate is set through the write characteristic: unlock, rate 50 Hz, save.
        var written = new List<byte>();
        while (written.Count < 15)
        {
            written.AddRange((await Wait.For(bed.StandIn.Written.ReadAsync().AsTask())).Value);
        }

        Assert.Equal([.. WitMotionCommands.Unlock.Encode(), .. WitMotionCommands.SetRate(50).Encode(), .. WitMotionCommands.Save.Encode()], written);

        byte[] implausible = Packet(0, 0);
        implausible[16] = 0x00;
        implausible[17] = 0x48; // pitch 101°
        bed.StandIn.Notify(implausible);
        bed.StandIn.Notify(Packet(10, -20));
        List<WitMotionReading> readings = await ReadingsAsync(events, 3);
        Assert.Equal((WitMotionReadingKind.Angle, 10.0, -20.0), (readings[2].Kind, Math.Round(readings[2].X, 2), Math.Round(readings[2].Y, 2)));

        bed.StandIn.DropConnection();
        await NextAsync<WitMotionSensorLinkLost>(events);
        await NextAsync<WitMotionSensorLinkRestored>(events);
        await Wait.For(bed.StandIn.NotificationsStarted);
        bed.StandIn.Notify(Packet(5, 5));
        Assert.Equal(5.0, Math.Round((await ReadingsAsync(events, 3))[2].X, 2));

        await link.DisposeAsync();
        WitMotionLinkStats total = default;
        await foreach (WitMotionSensorEvent e in events.ReadAllAsync())
        {
            if (e is WitMotionSensorStatsReported s)
            {
                total = s.Stats;
            }
        }

        Assert.Equal((2L, 1L, 1L), (total.Packets, total.Errors, total.Reconnects));
    }

    [Fact]
    public async Task TwoSensorsOnOneStandIn_AreIndependent_OneUnpluggedLeavesTheOtherFlowing()
    {
        var other = new StandInDevice("E4:5F:01:00:00:09", "WT901BLE69", -55, Profile: WitMotionGatt.Profile);
        await using BleTestBed bed = await BleTestBed.StartAsync(new StandInOptions { Devices = [Sensor, other] });
        BlueZStandIn standIn = bed.StandIn!;
        await using WitMotionSensorLink first = WitMotionSources.Create($"witmotion-ble:{Sensor.Address}?rate=20", TimeProvider.System, bleBusAddress: bed.Bus.Address);
        await using WitMotionSensorLink second = WitMotionSources.Create($"witmotion-ble:{other.Address}", TimeProvider.System, bleBusAddress: bed.Bus.Address);
        ChannelReader<WitMotionSensorEvent> firstEvents = Collect(first), secondEvents = Collect(second);
        await Wait.For(first.StartAsync(CancellationToken.None));
        await Wait.For(second.StartAsync(CancellationToken.None));
        await Wait.For(Task.WhenAll(standIn.NotificationsStartedOn(Sensor.Address), standIn.NotificationsStartedOn(other.Address)));

        // Each sensor's notifications reach only its own link; the rate write reached only the first, after its unlock.
        Assert.True(standIn.Notify(Sensor.Address, Packet(1, 0)));
        Assert.True(standIn.Notify(other.Address, Packet(2, 0)));
        Assert.Equal(1.0, Math.Round((await ReadingsAsync(firstEvents, 3))[2].X, 2));
        Assert.Equal(2.0, Math.Round((await ReadingsAsync(secondEvents, 3))[2].X, 2));
        while (standIn.RateSetOn(Sensor.Address) is null)
        {
            await Wait.For(standIn.Written.WaitToReadAsync().AsTask());
            _ = standIn.Written.TryRead(out _);
        }

        Assert.Equal((20.0, (double?)null), (standIn.RateSetOn(Sensor.Address), standIn.RateSetOn(other.Address)));

        // Out of range: the first is lost (and cannot reconnect), its notifications go nowhere; the second keeps flowing.
        standIn.DropConnection(Sensor.Address, outOfRange: true);
        await NextAsync<WitMotionSensorLinkLost>(firstEvents);
        Assert.False(standIn.Notify(Sensor.Address, Packet(3, 0)));
        Assert.True(standIn.Notify(other.Address, Packet(4, 0)));
        Assert.Equal(4.0, Math.Round((await ReadingsAsync(secondEvents, 3))[2].X, 2));
        Assert.Contains(false, await ConnectAttemptsAsync(standIn, failures: 1));

        standIn.ComeBackInRange(Sensor.Address);
        await NextAsync<WitMotionSensorLinkRestored>(firstEvents);
        await Wait.For(standIn.NotificationsStartedOn(Sensor.Address));
        Assert.True(standIn.Notify(Sensor.Address, Packet(5, 0)));
        Assert.Equal(5.0, Math.Round((await ReadingsAsync(firstEvents, 3))[2].X, 2));
        Assert.DoesNotContain(await DrainAsync(second, secondEvents), e => e is WitMotionSensorLinkLost);
    }

    private static async Task<List<bool>> ConnectAttemptsAsync(BlueZStandIn standIn, int failures)
    {
        var attempts = new List<bool>();
        while (attempts.Count(a => !a) < failures)
        {
            attempts.Add(await Wait.For(standIn.ConnectAttempts.ReadAsync().AsTask()));
        }

        return attempts;
    }

    private static async Task<List<WitMotionSensorEvent>> DrainAsync(WitMotionSensorLink link, ChannelReader<WitMotionSensorEvent> events)
    {
        await link.DisposeAsync();
        var all = new List<WitMotionSensorEvent>();
        await foreach (WitMotionSensorEvent e in events.ReadAllAsync())
        {
            all.Add(e);
        }

        return all;
    }

    [Fact]
    public async Task DevicesBle_ListsWitMotionSensors_ByServiceOrName()
    {
        var byName = new StandInDevice("E4:5F:01:00:00:02", "WT901BLE67", -60, Nus: false);
        var psp = new StandInDevice("C0:FF:EE:00:00:01", "PostureStream A", -40);
        var other = new StandInDevice("11:22:33:44:55:66", "HR strap", -30, Nus: false);
        await using BleTestBed bed = await BleTestBed.StartAsync(new StandInOptions { Devices = [byName, psp, Sensor, other] });

        IReadOnlyList<BleDeviceInfo> found = await Wait.For(BleScanner.ListWitMotionDevicesAsync(
            new BleScanOptions { BusAddress = bed.Bus.Address, Duration = TimeSpan.FromMilliseconds(300) }, CancellationToken.None));

        Assert.Equal([Sensor.Address, byName.Address], found.Select(d => d.Address));
    }

    [Fact]
    public async Task OneScan_ListsPspAndWitMotionSensors_WithTheirSources()
    {
        var psp = new StandInDevice("C0:FF:EE:00:00:01", "PostureStream A", -40);
        var other = new StandInDevice("11:22:33:44:55:66", "HR strap", -30, Nus: false);
        await using BleTestBed bed = await BleTestBed.StartAsync(new StandInOptions { Devices = [psp, Sensor, other] });

        IReadOnlyList<BleDeviceInfo> found = await Wait.For(BleScanner.ListSensorsAsync(
            new BleScanOptions { BusAddress = bed.Bus.Address, Duration = TimeSpan.FromMilliseconds(300) }, CancellationToken.None));

        Assert.Equal([$"ble:{psp.Address}", $"witmotion-ble:{Sensor.Address}"], found.Select(d => d.Source));
    }
}
