namespace PostureStream.Signals.Detection;

/// <summary>
/// What the pipeline passes to detection per Rx hop (README, benchmarks): up to a frame's worth of conditioned
/// samples of one device, plus the device's control events in their place in the stream, so a replay
/// snoozes and ends at the same device time.
/// </summary>
/// <param name="Device">Whose samples.</param>
/// <param name="Samples">In device-time order; may be empty (a control event alone).</param>
/// <param name="SnoozeAtMicros">When set, snooze buzzes from this device time (before the samples are processed).</param>
/// <param name="EndOfStream">
/// After the samples, complete the device (end of a <c>file:</c>/<c>sim:</c> source, or 10 s of silence on
/// a live link): open raised episodes are cleared at the last sample, the partial minute is flushed.
/// </param>
public readonly record struct PostureBatch(
    DeviceIdentity Device,
    ReadOnlyMemory<PostureInput> Samples,
    long? SnoozeAtMicros = null,
    bool EndOfStream = false)
{
    /// <summary>A snooze request from the device (EVENT code 4) at its unwrapped device time.</summary>
    public static PostureBatch Snooze(DeviceIdentity device, long deviceMicros) => new(device, ReadOnlyMemory<PostureInput>.Empty, deviceMicros);

    /// <summary>The device's source ended or fell silent.</summary>
    public static PostureBatch End(DeviceIdentity device) => new(device, ReadOnlyMemory<PostureInput>.Empty, EndOfStream: true);
}
