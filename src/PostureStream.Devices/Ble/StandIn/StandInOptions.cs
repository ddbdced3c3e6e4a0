using System.Runtime.Versioning;

namespace PostureStream.Devices.Ble.StandIn;

/// <summary>A peripheral the BlueZ stand-in pretends is in range.</summary>
/// <param name="Address">Its Bluetooth address, AA:BB:CC:DD:EE:FF.</param>
/// <param name="Name">The name it advertises (WitMotion sensors start with "WT").</param>
/// <param name="Rssi">The signal strength a scan reports, in dBm.</param>
/// <param name="Nus">True: it advertises the service of <see cref="Profile"/> (and serves it); false: it advertises another service (a heart-rate strap, say).</param>
/// <param name="Known">Already in BlueZ's object tree at start (paired or seen before), without RSSI until a scan hears it.</param>
/// <param name="Profile">The GATT service it offers when <paramref name="Nus"/> is true; null = the Nordic UART Service (a PSP device).</param>
[SupportedOSPlatform("linux")]
public sealed record StandInDevice(string Address, string Name, short Rssi, bool Nus = true, bool Known = false, BleGattProfile? Profile = null)
{
    public BleGattProfile Gatt => Profile ?? NordicUart.Profile;

    public string Path => $"{BlueZStandIn.AdapterPath}/dev_{Address.Replace(':', '_')}";
}

/// <summary>What the BlueZ stand-in offers and how it misbehaves. The defaults are a healthy BlueZ 5 with one powered adapter.</summary>
[SupportedOSPlatform("linux")]
public sealed class StandInOptions
{
    /// <summary>False: no adapter at all (no Bluetooth hardware). Default true.</summary>
    public bool HasAdapter { get; init; } = true;

    /// <summary>False: the adapter is off (rfkill, or never powered on). Default true.</summary>
    public bool Powered { get; init; } = true;

    /// <summary>False: AcquireNotify answers org.bluez.Error.NotSupported (as older BlueZ and some stacks do). Default true.</summary>
    public bool SupportsAcquireNotify { get; init; } = true;

    /// <summary>False: AcquireWrite answers org.bluez.Error.NotSupported, so writes come as WriteValue. Default true.</summary>
    public bool SupportsAcquireWrite { get; init; } = true;

    /// <summary>An error name Device1.Connect answers with, e.g. org.bluez.Error.AuthenticationFailed. Default none.</summary>
    public string? ConnectError { get; init; }

    /// <summary>An error name Adapter1.StartDiscovery answers with, e.g. org.bluez.Error.InProgress. Default none.</summary>
    public string? DiscoveryError { get; init; }

    /// <summary>The MTU AcquireNotify reports. Default 23 (the ATT default), which makes writes split into 20-byte chunks.</summary>
    public ushort Mtu { get; init; } = 23;

    /// <summary>The peripherals in range. Default one PSP device, C0:FF:EE:00:00:01 "PostureStream A".</summary>
    public IReadOnlyList<StandInDevice> Devices { get; init; } = [new StandInDevice("C0:FF:EE:00:00:01", "PostureStream A", -48)];
}
