namespace PostureStream.Protocol.WitMotion;

/// <summary>The register commands PostureStream sends (bytes as in the WitMotion datasheets and SDK).</summary>
public static class WitMotionCommands
{
    /// <summary>FF AA 69 88 B5: unlock the registers (the key 0xB588, low byte first).</summary>
    public static WitMotionCommand Unlock => new((byte)WitMotionRegister.Key, 0xB588);

    /// <summary>FF AA 00 00 00: save the settings.</summary>
    public static WitMotionCommand Save => new((byte)WitMotionRegister.Save, 0x0000);

    /// <summary>FF AA 03 code 00: the output rate (<see cref="WitMotionRates.CodeOf"/>).</summary>
    public static WitMotionCommand SetRate(double hertz) => new((byte)WitMotionRegister.Rate, WitMotionRates.CodeOf(hertz));

    /// <summary>FF AA 04 code 00: the serial baud rate (<see cref="WitMotionBauds.CodeOf"/>); the sensor switches at once.</summary>
    public static WitMotionCommand SetBaud(int baud) => new((byte)WitMotionRegister.Baud, WitMotionBauds.CodeOf(baud));

    /// <summary>FF AA 02 RSWL RSWH: which packets to send.</summary>
    public static WitMotionCommand SetReturnContent(WitMotionContent content) => new((byte)WitMotionRegister.ReturnContent, (ushort)content);

    /// <summary>Unlock, write, save: the sequence that changes a setting for good.</summary>
    public static IReadOnlyList<WitMotionCommand> Change(WitMotionCommand write) => [Unlock, write, Save];
}

/// <summary>Bits of the return-content register (RSW): bit n asks for packet type 0x50 + n.</summary>
[Flags]
public enum WitMotionContent : ushort
{
    None = 0,
    Time = 1 << 0,
    Acceleration = 1 << 1,
    AngularVelocity = 1 << 2,
    Angle = 1 << 3,
    Magnetic = 1 << 4,
    Quaternion = 1 << 9,

    /// <summary>The factory setting of the WT901 serial models: acceleration, angular velocity, angle, magnetic field (0x001E).</summary>
    FactoryDefault = Acceleration | AngularVelocity | Angle | Magnetic,
}
