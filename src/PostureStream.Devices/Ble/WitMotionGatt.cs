namespace PostureStream.Devices.Ble;

/// <summary>
/// The vendor GATT service of WitMotion's BLE 5.0 sensors (WT901BLECL), as WitMotion's own SDK names it
/// (WITMOTION/WitBluetooth_BWT901BLE5_0, Android BleUUID.java). Note the base: these UUIDs end in
/// 00805f9a34fb, not the Bluetooth SIG base 00805f9b34fb.
/// </summary>
public static class WitMotionGatt
{
    public const string ServiceUuid = "0000ffe5-0000-1000-8000-00805f9a34fb";

    /// <summary>The sensor notifies its 20-byte packets here ("read" in the SDK).</summary>
    public const string NotifyCharacteristicUuid = "0000ffe4-0000-1000-8000-00805f9a34fb";

    /// <summary>Register commands (FF AA reg lo hi) are written here ("send" in the SDK).</summary>
    public const string WriteCharacteristicUuid = "0000ffe9-0000-1000-8000-00805f9a34fb";

    /// <summary>WitMotion names its BLE sensors "WT…" (e.g. WT901BLE68): how <c>devices --ble</c> knows one that advertises no service.</summary>
    public const string NamePrefix = "WT";

    public static BleGattProfile Profile { get; } = new("WitMotion", ServiceUuid, NotifyCharacteristicUuid, WriteCharacteristicUuid);
}
