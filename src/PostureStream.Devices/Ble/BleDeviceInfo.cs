namespace PostureStream.Devices.Ble;

/// <summary>A nearby device advertising the Nordic UART Service; <see cref="Rssi"/> (dBm) is null when BlueZ knows it but did not hear it in this scan.</summary>
public readonly record struct BleDeviceInfo(string Address, string? Name, short? Rssi);
