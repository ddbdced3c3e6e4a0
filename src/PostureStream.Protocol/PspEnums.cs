namespace PostureStream.Protocol;

/// <summary>HELLO sensor_mask bits: which IMUs the device carries.</summary>
[Flags]
public enum SensorMask : byte
{
    None = 0,
    Lumbar = 1 << 0,
    Pelvis = 1 << 1,
    Both = Lumbar | Pelvis,
}

/// <summary>STATUS flags bits.</summary>
[Flags]
public enum StatusFlags : byte
{
    None = 0,
    Charging = 1 << 0,
    LumbarFault = 1 << 1,
    PelvisFault = 1 << 2,
}

/// <summary>EVENT codes.</summary>
public enum DeviceEventCode : byte
{
    CalibrateRequest = 1,
    SensorReinitialised = 2,
    LowBattery = 3,
    SnoozeRequest = 4,

    /// <summary>Button: an exercise session of the wearer's programme is done; arg = its minutes (0 = the host's default).</summary>
    SessionDone = 5,
}

/// <summary>ACK result codes.</summary>
public enum AckResult : byte
{
    Ok = 0,
    Unsupported = 1,
    InvalidArgument = 2,
    Busy = 3,
}

/// <summary>BUZZ patterns.</summary>
public enum BuzzPattern : byte
{
    Short = 1,
    Double = 2,
    Long = 3,
}
