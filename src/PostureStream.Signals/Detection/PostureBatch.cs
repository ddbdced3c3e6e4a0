namespace PostureStream.Signals.Detection;

/// <summary>
/// What the pipeline passes to detection per Rx hop (DESIGN §10): up to a frame's worth of conditioned
/// samples of one device, or a snooze from the device (EVENT code 4) in its place in the stream, so a
/// replay snoozes at the same device time.
/// </summary>
/// <param name="Device">Whose samples.</param>
/// <param name="Samples">In device-time order; may be empty (a snooze alone).</param>
/// <param name="SnoozeAtMicros">When set, snooze buzzes from this device time (before the samples are processed).</param>
public readonly record struct PostureBatch(DeviceIdentity Device, ReadOnlyMemory<PostureInput> Samples, long? SnoozeAtMicros = null)
{
    /// <summary>A snooze request from the device (EVENT code 4) at its unwrapped device time.</summary>
    public static PostureBatch Snooze(DeviceIdentity device, long deviceMicros) => new(device, ReadOnlyMemory<PostureInput>.Empty, deviceMicros);
}
