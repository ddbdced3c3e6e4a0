namespace PostureStream.Devices.Ble;

/// <summary>The Nordic UART Service (NUS): a byte pipe over two GATT characteristics.</summary>
public static class NordicUart
{
    /// <summary>The service UUID devices advertise.</summary>
    public const string ServiceUuid = "6e400001-b5a3-f393-e0a9-e50e24dcca9e";

    /// <summary>RX: the host writes commands here (write without response).</summary>
    public const string RxCharacteristicUuid = "6e400002-b5a3-f393-e0a9-e50e24dcca9e";

    /// <summary>TX: the device notifies its byte stream here.</summary>
    public const string TxCharacteristicUuid = "6e400003-b5a3-f393-e0a9-e50e24dcca9e";

    /// <summary>The ATT MTU before any exchange; a write or notification carries MTU - 3 bytes.</summary>
    public const int DefaultAttMtu = 23;

    public const int AttHeaderLength = 3;

    /// <summary>NUS as a link profile: notifications on TX, writes to RX.</summary>
    public static BleGattProfile Profile { get; } = new("Nordic UART Service", ServiceUuid, TxCharacteristicUuid, RxCharacteristicUuid);
}
