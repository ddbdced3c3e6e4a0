namespace PostureStream.Devices.Ble;

/// <summary>
/// Which GATT service a BLE link talks to: the service a device advertises, the characteristic it notifies its
/// bytes on and the one commands are written to. PSP devices use the Nordic UART Service
/// (<see cref="NordicUart.Profile"/>); WitMotion WT901BLECL sensors their vendor service (<see cref="WitMotionGatt.Profile"/>).
/// </summary>
public sealed record BleGattProfile(string Name, string ServiceUuid, string NotifyCharacteristicUuid, string WriteCharacteristicUuid);
