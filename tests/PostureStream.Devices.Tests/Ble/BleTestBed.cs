using PostureStream.Devices.Ble;
using PostureStream.Devices.Ble.StandIn;
using PostureStream.Testing;

namespace PostureStream.Devices.Tests.Ble;

/// <summary>A private dbus-daemon with the BlueZ stand-in on it, and link options pointing there.</summary>
internal sealed class BleTestBed : IAsyncDisposable
{
    private readonly StandInOptions? _options;

    private BleTestBed(PrivateBusDaemon bus, BlueZStandIn? standIn, StandInOptions? options)
    {
        Bus = bus;
        StandIn = standIn;
        _options = options;
    }

    public PrivateBusDaemon Bus { get; }

    public BlueZStandIn? StandIn { get; private set; }

    /// <summary>The system bus restarts (as after a dbus upgrade): every connection drops, BlueZ comes back.</summary>
    public async Task RestartBusAsync()
    {
        await Bus.RestartAsync();
        if (StandIn is not null)
        {
            await StandIn.DisposeAsync();
            StandIn = await Wait.For(BlueZStandIn.StartAsync(Bus.Address, _options ?? new StandInOptions()));
        }
    }

    public static async Task<BleTestBed> StartAsync(StandInOptions? options = null, bool withBlueZ = true)
    {
        PrivateBusDaemon bus = await PrivateBusDaemon.StartAsync();
        BlueZStandIn? standIn = withBlueZ ? await Wait.For(BlueZStandIn.StartAsync(bus.Address, options ?? new StandInOptions())) : null;
        return new BleTestBed(bus, standIn, options);
    }

    public BleLinkOptions LinkOptions(string address = "C0:FF:EE:00:00:01") => new()
    {
        Address = address,
        BusAddress = Bus.Address,
        ScanTimeout = TimeSpan.FromSeconds(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
    };

    public async ValueTask DisposeAsync()
    {
        if (StandIn is not null)
        {
            await StandIn.DisposeAsync();
        }

        await Bus.DisposeAsync();
    }
}
