namespace PostureStream.Devices.Ble;

/// <summary>What kind of sensor a BLE device is, by the service it offers (or, for WitMotion, its name).</summary>
public enum BleSensorKind
{
    /// <summary>A PostureStream (PSP) device on the Nordic UART Service: source <c>ble:ADDRESS</c>.</summary>
    Psp,

    /// <summary>A WitMotion BLE 5.0 sensor (WT901BLECL): source <c>witmotion-ble:ADDRESS</c>.</summary>
    WitMotion,
}

/// <summary>A nearby sensor; <see cref="Rssi"/> (dBm) is null when BlueZ knows it but did not hear it in this scan.</summary>
public readonly record struct BleDeviceInfo(string Address, string? Name, short? Rssi, BleSensorKind Kind = BleSensorKind.Psp)
{
    /// <summary>The source URI that reads it.</summary>
    public string Source => (Kind == BleSensorKind.WitMotion ? "witmotion-ble:" : "ble:") + Address;
}
