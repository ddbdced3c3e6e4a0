using Tmds.DBus.Protocol;

namespace PostureStream.Devices.Ble;

/// <summary>A BLE link problem, with a message that says what to do about it.</summary>
public sealed class BleException : Exception
{
    public BleException()
        : this(BleErrorKind.ConnectFailed, "BLE link failed")
    {
    }

    public BleException(string message)
        : this(BleErrorKind.ConnectFailed, message)
    {
    }

    public BleException(string message, Exception innerException)
        : this(BleErrorKind.ConnectFailed, message, innerException)
    {
    }

    public BleException(BleErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public BleErrorKind Kind { get; }

    internal static BleException NoSystemBus(string address, Exception inner) => new(
        BleErrorKind.NoSystemBus,
        $"cannot connect to the D-Bus system bus at {address} ({inner.Message}). Is dbus running? (systemctl status dbus; set DBUS_SYSTEM_BUS_ADDRESS for another bus)",
        inner);

    internal static BleException NoBlueZ(Exception? inner = null) => new(
        BleErrorKind.NoBlueZ,
        "BlueZ (org.bluez) is not on the system bus. Install and start it: apt-get install bluez && systemctl start bluetooth.service",
        inner);

    internal static BleException NoAdapter(string? wanted) => new(
        BleErrorKind.NoAdapter,
        wanted is null
            ? "BlueZ has no Bluetooth adapter. Plug one in or unblock it (rfkill unblock bluetooth), then check bluetoothctl list"
            : $"BlueZ has no adapter named {wanted}. See bluetoothctl list for the adapters there are");

    internal static BleException AdapterPoweredOff(string adapter) => new(
        BleErrorKind.AdapterPoweredOff,
        $"the Bluetooth adapter {adapter} is powered off. Turn it on: bluetoothctl power on (and rfkill unblock bluetooth if it is blocked)");

    internal static BleException DeviceNotFound(string address, TimeSpan scanned) => new(
        BleErrorKind.DeviceNotFound,
        $"no device {address} advertising the Nordic UART Service was seen in {scanned.TotalSeconds:0.#} s. Is it switched on, advertising, and in range? (posturestream devices --ble lists what is seen; a device connected to a phone stops advertising)");

    internal static BleException PairingNeeded(string address, Exception inner) => new(
        BleErrorKind.PairingNeeded,
        $"the device {address} needs pairing ({inner.Message}). Pair and trust it once: bluetoothctl pair {address} && bluetoothctl trust {address}",
        inner);

    internal static BleException PermissionDenied(Exception inner) => new(
        BleErrorKind.PermissionDenied,
        $"BlueZ refused the request ({inner.Message}). Run as a user allowed by the bluetooth D-Bus policy (e.g. in the bluetooth group) or as root",
        inner);

    internal static BleException NoUartService(string address) => new(
        BleErrorKind.NoUartService,
        $"the device {address} connected but has no Nordic UART Service (TX {NordicUart.TxCharacteristicUuid}, RX {NordicUart.RxCharacteristicUuid}). Is it a PostureStream sensor?");

    internal static BleException NoService(string address, BleGattProfile profile) => profile == NordicUart.Profile
        ? NoUartService(address)
        : new(
            BleErrorKind.NoUartService,
            $"the device {address} connected but has no {profile.Name} service (notify {profile.NotifyCharacteristicUuid}, write {profile.WriteCharacteristicUuid}). Is it the right kind of sensor?");

    /// <summary>Any other failure below the link, as a BleException that still says where to look; null for exceptions that are not such failures.</summary>
    internal static BleException? FromFailure(Exception e) => e switch
    {
        BleException => null,
        DBusErrorReplyException error => new(
            BleErrorKind.BlueZFailed,
            $"BlueZ answered {error.ErrorName}: {error.ErrorMessage}. Check bluetoothctl show, and journalctl -u bluetooth for the reason",
            e),
        TimeoutException => new(
            BleErrorKind.BlueZFailed,
            $"BlueZ did not answer in time ({e.Message}). Is bluetoothd stuck? systemctl restart bluetooth.service",
            e),
        DBusConnectionException or DBusMessageException => new(
            BleErrorKind.NoSystemBus,
            $"the connection to the system bus broke ({e.Message}). Is dbus running? systemctl status dbus",
            e),
        _ => null,
    };

    internal static BleException ConnectFailed(string address, Exception inner) => new(
        BleErrorKind.ConnectFailed,
        $"could not connect to {address} ({inner.Message}). Move it closer, or restart it and try again",
        inner);
}
