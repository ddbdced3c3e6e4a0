namespace PostureStream.Devices.WitMotion;

/// <summary>How a WitMotion sensor's bytes are cut: a serial/SPP byte stream, or BLE 5.0 notifications of whole packets.</summary>
public enum WitMotionFraming : byte
{
    /// <summary>11-byte checksummed packets in a byte stream (USB serial, TTL, Bluetooth SPP as /dev/rfcommN).</summary>
    Serial = 0,

    /// <summary>One notification = whole 20-byte 0x55 0x61 packets (WT901BLECL).</summary>
    Ble = 1,
}
