namespace PostureStream.Protocol.Tests.WitMotion;

/// <summary>
/// Packets written out by hand from the field tables and formulas of the WitMotion datasheets (WT901 "output data
/// format", WT901BLECL "data packet (default)"): header, type, little-endian words, checksum = low byte of the sum
/// of the first ten bytes.
/// </summary>
internal static class WitMotionVectors
{
    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

    /// <summary>Angle: roll 0x1000 = 22.5°, pitch 0xF000 = −22.5°, yaw 0x4000 = 90°, version 0.</summary>
    public const string Angle = "55 53 00 10 00 F0 00 40 00 00 E8";

    /// <summary>Acceleration: az 0x0800 = 1 g (lying flat), temperature 0.</summary>
    public const string Acceleration = "55 51 00 00 00 00 00 08 00 00 AE";

    /// <summary>Angular velocity: wx 0x0100 = 15.625 °/s.</summary>
    public const string AngularVelocity = "55 52 00 01 00 00 00 00 00 00 A8";

    /// <summary>Quaternion: q0 0x7FFF (≈ 1), q1..q3 0.</summary>
    public const string Quaternion = "55 59 FF 7F 00 00 00 00 00 00 2C";

    /// <summary>
    /// Time: 2026-12-03 13:07:49.500, built from the field table of the WT901SDCL datasheet (v20-0605, §6.1.1 "Time
    /// Output": YY MM DD hh mm ss msL msH, year 20YY), which gives no numeric example (YY=0x1A, ms 500 = 0x01F4).
    /// </summary>
    public const string Time = "55 50 1A 0C 03 0D 07 31 F4 01 08";

    /// <summary>Magnetic field (0x54), a type PostureStream skips: hx 0x0100, temperature 0.</summary>
    public const string Magnetic = "55 54 00 01 00 00 00 00 00 00 AA";

    /// <summary>BLE 0x61: az 1 g, wx 15.625 °/s, roll 22.5°, pitch −22.5°, yaw 90°.</summary>
    public const string Ble = "55 61 0000 0000 0008 0001 0000 0000 0010 00F0 0040";
}
