using PostureStream.Devices.Ble;
using PostureStream.Devices.Ble.StandIn;

namespace PostureStream.Devices.Tests.Ble;

/// <summary>Each way a BLE source can fail to open names the problem and what to do.</summary>
public sealed class BleErrorTests
{
    private static async Task<BleException> StartFailsAsync(BleTestBed bed, BleLinkOptions? options = null)
    {
        await using var link = new BleLink(options ?? bed.LinkOptions());
        return await Assert.ThrowsAsync<BleException>(() => Wait.For(link.StartAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task NoSystemBus_AsksWhetherDbusIsRunning()
    {
        string missing = Path.Combine(Path.GetTempPath(), "no-such-bus-" + Guid.NewGuid().ToString("N"));
        await using var link = new BleLink(new BleLinkOptions { Address = "C0:FF:EE:00:00:01", BusAddress = "unix:path=" + missing });

        var e = await Assert.ThrowsAsync<BleException>(() => Wait.For(link.StartAsync(CancellationToken.None)));

        Assert.Equal(BleErrorKind.NoSystemBus, e.Kind);
        Assert.Contains("Is dbus running?", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoBlueZOnTheBus_SaysToStartBluetoothService()
    {
        await using BleTestBed bed = await BleTestBed.StartAsync(withBlueZ: false);
        BleException e = await StartFailsAsync(bed);
        Assert.Equal(BleErrorKind.NoBlueZ, e.Kind);
        Assert.Contains("systemctl start bluetooth.service", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoAdapter_SaysToPlugOneIn()
    {
        await using BleTestBed bed = await BleTestBed.StartAsync(new StandInOptions { HasAdapter = false });
        BleException e = await StartFailsAsync(bed);
        Assert.Equal(BleErrorKind.NoAdapter, e.Kind);
        Assert.Contains("bluetoothctl list", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdapterPoweredOff_SaysBluetoothctlPowerOn()
    {
        await using BleTestBed bed = await BleTestBed.StartAsync(new StandInOptions { Powered = false });
        BleException e = await StartFailsAsync(bed);
        Assert.Equal(BleErrorKind.AdapterPoweredOff, e.Kind);
        Assert.Contains("bluetoothctl power on", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeviceNotAdvertising_AsksWhetherItIsOnAndInRange()
    {
        await using BleTestBed bed = await BleTestBed.StartAsync();
        BleException e = await StartFailsAsync(bed, bed.LinkOptions("DE:AD:BE:EF:00:00") with { ScanTimeout = TimeSpan.FromMilliseconds(200) });
        Assert.Equal(BleErrorKind.DeviceNotFound, e.Kind);
        Assert.Contains("advertising", e.Message, StringComparison.Ordinal);
        Assert.Contains("in range", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("org.bluez.Error.AuthenticationFailed")]
    [InlineData("org.bluez.Error.AuthenticationRejected")]
    [InlineData("org.bluez.Error.NotPaired")]
    public async Task PairingRequired_SaysBluetoothctlPair(string error)
    {
        await using BleTestBed bed = await BleTestBed.StartAsync(new StandInOptions { ConnectError = error });
        BleException e = await StartFailsAsync(bed);
        Assert.Equal(BleErrorKind.PairingNeeded, e.Kind);
        Assert.Contains("bluetoothctl pair C0:FF:EE:00:00:01", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherBlueZError_NamesItAndWhereToLook()
    {
        await using BleTestBed bed = await BleTestBed.StartAsync(new StandInOptions { DiscoveryError = "org.bluez.Error.InProgress" });
        BleException e = await StartFailsAsync(bed);
        Assert.Equal(BleErrorKind.BlueZFailed, e.Kind);
        Assert.Contains("org.bluez.Error.InProgress", e.Message, StringComparison.Ordinal);
        Assert.Contains("journalctl -u bluetooth", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scanning_WithTheAdapterOff_SaysBluetoothctlPowerOn()
    {
        await using BleTestBed bed = await BleTestBed.StartAsync(new StandInOptions { Powered = false });
        var e = await Assert.ThrowsAsync<BleException>(() => Wait.For(BleScanner.ListNusDevicesAsync(
            new BleScanOptions { BusAddress = bed.Bus.Address, Duration = TimeSpan.FromMilliseconds(50) }, CancellationToken.None)));
        Assert.Equal(BleErrorKind.AdapterPoweredOff, e.Kind);
    }
}
