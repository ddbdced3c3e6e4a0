namespace PostureStream.Protocol.WitMotion;

/// <summary>The registers PostureStream writes (WitMotion SDK REG.h; WT901 datasheet, "register address").</summary>
public enum WitMotionRegister : byte
{
    /// <summary>SAVE: 0x0000 saves the settings, 0x00FF restarts the sensor.</summary>
    Save = 0x00,

    /// <summary>RSW: which packets the sensor sends, one bit per type (bit n = type 0x50 + n).</summary>
    ReturnContent = 0x02,

    /// <summary>RRATE: output rate code (<see cref="WitMotionRates"/>).</summary>
    Rate = 0x03,

    /// <summary>BAUD: serial baud rate code (<see cref="WitMotionBauds"/>).</summary>
    Baud = 0x04,

    /// <summary>READADDR: read registers (BLE answers with a 0x55 0x71 packet).</summary>
    Read = 0x27,

    /// <summary>KEY: 0xB588 unlocks the registers for writing.</summary>
    Key = 0x69,
}
