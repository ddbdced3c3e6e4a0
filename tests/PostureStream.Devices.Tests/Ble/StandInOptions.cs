namespace PostureStream.Devices.Tests.Ble;

/// <summary>A peripheral the stand-in pretends is in range.</summary>
/// <param name="Known">Already in BlueZ's object tree at start (paired or seen before), without RSSI until a scan hears it.</param>
/// <param name="Profile">The GATT service it offers when <paramref name="Nus"/> is true; null = the Nordic UART Service.</param>
internal sealed record StandInDevice(string Address, string Name, short Rssi, bool Nus = true, bool Known = false, PostureStream.Devices.Ble.BleGattProfile? Profile = null)
{
    public PostureStream.Devices.Ble.BleGattProfile Gatt => Profile ?? PostureStream.Devices.Ble.NordicUart.Profile;

    public string Path => $"{BlueZStandIn.AdapterPath}/dev_{Address.Replace(':', '_')}";
}

/// <summary>What the stand-in BlueZ offers and how it misbehaves.</summary>
internal sealed class StandInOptions
{
    public bool HasAdapter { get; init; } = true;

    public bool Powered { get; init; } = true;

    /// <summary>False: AcquireNotify answers org.bluez.Error.NotSupported (as older BlueZ and some stacks do).</summary>
    public bool SupportsAcquireNotify { get; init; } = true;

    /// <summary>False: AcquireWrite answers org.bluez.Error.NotSupported, so writes come as WriteValue.</summary>
    public bool SupportsAcquireWrite { get; init; } = true;

    /// <summary>An error name Device1.Connect answers with, e.g. org.bluez.Error.AuthenticationFailed.</summary>
    public string? ConnectError { get; init; }

    /// <summary>An error name Adapter1.StartDiscovery answers with, e.g. org.bluez.Error.InProgress.</summary>
    public string? DiscoveryError { get; init; }

    /// <summary>The MTU AcquireNotify reports. 23 (the ATT default) makes writes split into 20-byte chunks.</summary>
    public ushort Mtu { get; init; } = 23;

    public IReadOnlyList<StandInDevice> Devices { get; init; } = [new StandInDevice("C0:FF:EE:00:00:01", "PostureStream A", -48)];
}
