namespace PostureStream.Signals.Detection;

/// <summary>
/// Detection for many devices sharing one set of rules and one sink. Not thread-safe except
/// <see cref="RequestSnooze"/>: feed it from one thread (or one engine per thread).
/// </summary>
public sealed class DetectionEngine
{
    private readonly DetectionRules _rules;
    private readonly IDetectionSink _sink;
    private readonly Dictionary<ulong, DeviceDetector> _devices = [];
    private readonly Lock _gate = new();

    public DetectionEngine(DetectionOptions options, IDetectionSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _rules = DetectionRules.From(options);
        _sink = sink;
    }

    /// <summary>The detector of this device, made on first use.</summary>
    public DeviceDetector GetDevice(DeviceIdentity device)
    {
        ArgumentNullException.ThrowIfNull(device);
        lock (_gate)
        {
            if (!_devices.TryGetValue(device.Id, out DeviceDetector? detector))
            {
                detector = new DeviceDetector(device, _rules);
                _devices.Add(device.Id, detector);
            }

            return detector;
        }
    }

    /// <summary>The detector of a device id, if it has been seen.</summary>
    public DeviceDetector? FindDevice(ulong deviceId)
    {
        lock (_gate)
        {
            return _devices.GetValueOrDefault(deviceId);
        }
    }

    /// <summary>Processes one batch: its snooze request first, then its samples, then its end of stream.</summary>
    public void Process(in PostureBatch batch)
    {
        DeviceDetector detector = GetDevice(batch.Device);
        if (batch.SnoozeAtMicros is { } snoozeAt)
        {
            detector.Snooze(snoozeAt);
        }

        detector.Process(batch.Samples.Span, _sink);
        if (batch.EndOfStream)
        {
            detector.Complete(_sink);
        }
    }

    /// <summary>Processes samples of one device.</summary>
    public void Process(DeviceIdentity device, ReadOnlySpan<PostureInput> samples) => GetDevice(device).Process(samples, _sink);

    /// <summary>Thread-safe: the dashboard's snooze button. Applies from the device's next sample; false for an unknown device.</summary>
    public bool RequestSnooze(ulong deviceId)
    {
        DeviceDetector? detector = FindDevice(deviceId);
        detector?.RequestSnooze();
        return detector is not null;
    }

    /// <summary>End of the source for one device (clears open episodes, flushes its minute).</summary>
    public void Complete(ulong deviceId) => FindDevice(deviceId)?.Complete(_sink);

    /// <summary>End of every source, devices in id order so the output is deterministic.</summary>
    public void CompleteAll()
    {
        DeviceDetector[] devices;
        lock (_gate)
        {
            devices = [.. _devices.Values.OrderBy(d => d.Device.Id)];
        }

        foreach (DeviceDetector detector in devices)
        {
            detector.Complete(_sink);
        }
    }
}
