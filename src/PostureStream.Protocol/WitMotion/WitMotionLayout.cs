namespace PostureStream.Protocol.WitMotion;

/// <summary>Sizes and constants of the WitMotion wire formats (serial/SPP packets, BLE 5.0 notifications, register commands).</summary>
public static class WitMotionLayout
{
    /// <summary>Every serial packet starts with this byte; so does a BLE 5.0 notification packet.</summary>
    public const byte Header = 0x55;

    /// <summary>Serial packet: 0x55, type, 8 data bytes, checksum.</summary>
    public const int SerialPacketLength = 11;

    public const int SerialDataLength = 8;

    /// <summary>BLE 5.0 packet: 0x55, flag, 18 data bytes (nine int16 LE), no checksum and no counter.</summary>
    public const int BlePacketLength = 20;

    /// <summary>Flag of the default BLE packet: acceleration, angular velocity and angle.</summary>
    public const byte BleDataFlag = 0x61;

    /// <summary>Flag of a BLE register reply (after a read command <c>FF AA 27 reg 00</c>).</summary>
    public const byte BleRegisterFlag = 0x71;

    /// <summary>Register command: FF AA reg dataL dataH.</summary>
    public const int CommandLength = 5;

    public const byte CommandPrefix0 = 0xFF;
    public const byte CommandPrefix1 = 0xAA;

    /// <summary>The low byte of the sum of the first ten bytes of a serial packet.</summary>
    public static byte Checksum(ReadOnlySpan<byte> firstTen)
    {
        int sum = 0;
        foreach (byte b in firstTen[..(SerialPacketLength - 1)])
        {
            sum += b;
        }

        return (byte)sum;
    }
}
