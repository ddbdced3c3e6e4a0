namespace PostureStream.Devices.Ble;

/// <summary>Why a BLE link could not be opened; each has advice in <see cref="BleException"/>.</summary>
public enum BleErrorKind
{
    NoSystemBus,
    NoBlueZ,
    NoAdapter,
    AdapterPoweredOff,
    DeviceNotFound,
    PairingNeeded,
    NoUartService,
    ConnectFailed,
    NotConnected,
    PermissionDenied,

    /// <summary>BlueZ answered a call with an error not listed above, or did not answer in time.</summary>
    BlueZFailed,
}
