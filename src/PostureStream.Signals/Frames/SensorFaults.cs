namespace PostureStream.Signals;

/// <summary>Which sensors are in fault for a sample (Signals README, angles): none, lumbar, pelvis or both.</summary>
[Flags]
public enum SensorFaults : byte
{
    None = 0,

    /// <summary>The lumbar sensor: a −32768 value, a STATUS fault flag, or missing from HELLO's sensor_mask.</summary>
    Lumbar = 1 << 0,

    /// <summary>The pelvis sensor: a −32768 value, a STATUS fault flag, or missing from HELLO's sensor_mask.</summary>
    Pelvis = 1 << 1,

    Both = Lumbar | Pelvis,
}
