namespace PostureStream.Signals.Detection;

/// <summary>
/// The debounced activity or the posture state of a device changed at this sample (for the terminal
/// and the live feed; not stored).
/// </summary>
public readonly record struct DetectionStateChange(
    DeviceIdentity Device,
    DateTime Utc,
    long DeviceMicros,
    Activity Activity,
    PostureState State,
    Activity PreviousActivity,
    PostureState PreviousState);
