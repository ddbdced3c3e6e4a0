namespace PostureStream.Devices.Sources;

/// <summary>How output stamps are made (Signals README, device time).</summary>
public enum SourceClock
{
    /// <summary>Live sources: anchor to arrival time and track the device/host skew.</summary>
    Arrival,

    /// <summary><c>clock=device</c>: start + device ticks.</summary>
    Device,
}
