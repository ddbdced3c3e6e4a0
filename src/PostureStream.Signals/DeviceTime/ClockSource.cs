namespace PostureStream.Signals;

/// <summary>How UTC stamps are put on samples (Signals README, device time).</summary>
public enum ClockSource
{
    /// <summary>Live: the first frame is anchored to its arrival time and the device/host skew is tracked.</summary>
    Arrival,

    /// <summary><c>clock=device&amp;start=</c>: the first sample is stamped <see cref="DeviceTimeOptions.Start"/>, the rest start + device time.</summary>
    Device,
}
