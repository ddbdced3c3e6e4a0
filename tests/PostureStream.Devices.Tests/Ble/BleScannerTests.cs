using PostureStream.Devices.Ble;
using PostureStream.Devices.Ble.StandIn;

namespace PostureStream.Devices.Tests.Ble;

public sealed class BleScannerTests
{
    private static readonly StandInDevice Near = new("C0:FF:EE:00:00:01", "PostureStream A", -48);
    private static readonly StandInDevice Far = new("C0:FF:EE:00:00:02", "PostureStream B", -81, Known: true);
    private static readonly StandInDevice HeartRate = new("11:22:33:44:55:66", "HR strap", -40, Nus: false);
    private static readonly StandInDevice KnownHeadphones = new("77:88:99:AA:BB:CC", "Headphones", -30, Nus: false, Known: true);

    [Fact]
    public async Task ListNusDevices_ReportsOnlyNusDevices_StrongestFirst_WithRssi()
    {
        await using BleTestBed bed = await BleTestBed.StartAsync(new StandInOptions { Devices = [Far, HeartRate, Near, KnownHeadphones] });

        IReadOnlyList<BleDeviceInfo> devices = await Wait.For(BleScanner.ListNusDevicesAsync(
            new BleScanOptions { BusAddress = bed.Bus.Address, Duration = TimeSpan.FromMilliseconds(300) }, CancellationToken.None));

        Assert.Equal(
            [new BleDeviceInfo(Near.Address, Near.Name, Near.Rssi), new BleDeviceInfo(Far.Address, Far.Name, Far.Rssi)],
            devices);
    }

    [Fact]
    public async Task ListNusDevices_FiltersDiscoveryByTheNusUuidOnLowEnergy()
    {
        await using BleTestBed bed = await BleTestBed.StartAsync();

        await Wait.For(BleScanner.ListNusDevicesAsync(
            new BleScanOptions { BusAddress = bed.Bus.Address, Duration = TimeSpan.FromMilliseconds(50) }, CancellationToken.None));

        BlueZProperties filter = bed.StandIn!.DiscoveryFilter!;
        Assert.Equal("le", filter.GetString("Transport"));
        Assert.Equal([NordicUart.ServiceUuid], filter.GetStrings("UUIDs"));
    }
}
