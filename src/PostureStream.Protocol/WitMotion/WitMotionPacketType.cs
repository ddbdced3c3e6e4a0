namespace PostureStream.Protocol.WitMotion;

/// <summary>
/// The second byte of a WitMotion serial packet (WT901 datasheet, "output data format"; WitMotion SDK REG.h
/// WIT_TIME..WIT_QUATER). Only the kinds PostureStream reads are named; every other output type (magnetic field
/// 0x54, port status 0x55, pressure 0x56, GPS 0x57/0x58/0x5A, register value 0x5F) is skipped.
/// </summary>
public enum WitMotionPacketType : byte
{
    /// <summary>YY MM DD hh mm ss msL msH: the sensor's own clock (on models with an RTC, when enabled).</summary>
    Time = 0x50,

    /// <summary>ax ay az (int16 / 32768 × 16 g), then temperature.</summary>
    Acceleration = 0x51,

    /// <summary>wx wy wz (int16 / 32768 × 2000 °/s), then voltage or temperature.</summary>
    AngularVelocity = 0x52,

    /// <summary>roll pitch yaw (int16 / 32768 × 180°), then version or temperature.</summary>
    Angle = 0x53,

    /// <summary>q0 q1 q2 q3 (int16 / 32768); off by default, enabled through the return-content register.</summary>
    Quaternion = 0x59,
}

public static class WitMotionPacketTypes
{
    /// <summary>True for the packet kinds <see cref="WitMotionSerialDecoder"/> hands out; others are skipped.</summary>
    public static bool IsRead(byte type) => type is 0x50 or 0x51 or 0x52 or 0x53 or 0x59;

    /// <summary>
    /// True for every output type a WitMotion sensor sends (0x50–0x5F). A 0x55 followed by anything else is not
    /// a packet start, so the decoder does not even try a checksum on it.
    /// </summary>
    public static bool IsOutputType(byte type) => type is >= 0x50 and <= 0x5F;
}
