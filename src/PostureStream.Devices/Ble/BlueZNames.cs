namespace PostureStream.Devices.Ble;

/// <summary>Bus name, interfaces and errors of BlueZ's D-Bus API (doc/org.bluez.*.rst in BlueZ).</summary>
public static class BlueZNames
{
    public const string Service = "org.bluez";
    public const string Adapter = "org.bluez.Adapter1";
    public const string Device = "org.bluez.Device1";
    public const string GattService = "org.bluez.GattService1";
    public const string GattCharacteristic = "org.bluez.GattCharacteristic1";
    public const string ObjectManager = "org.freedesktop.DBus.ObjectManager";
    public const string Properties = "org.freedesktop.DBus.Properties";
    public const string ErrorPrefix = "org.bluez.Error.";
}
