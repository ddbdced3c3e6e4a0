namespace PostureStream.Signals.Detection;

/// <summary>
/// One output of the Rx detection operator. Made once per output (10 posture points per second per
/// device plus rare events), never per sample; code that must not allocate at all implements
/// <see cref="IDetectionSink"/> and drives <see cref="DetectionEngine"/> itself.
/// </summary>
public abstract record DetectionOutput
{
    private protected DetectionOutput()
    {
    }

    public abstract DeviceIdentity Device { get; }
}

/// <summary>A decimated <c>posture</c> point.</summary>
public sealed record PostureOutput(PosturePoint Point) : DetectionOutput
{
    public override DeviceIdentity Device => Point.Device;
}

/// <summary>An alert event.</summary>
public sealed record AlertOutput(AlertEvent Alert) : DetectionOutput
{
    public override DeviceIdentity Device => Alert.Device;
}

/// <summary>A finished bend.</summary>
public sealed record BendOutput(BendEvent Bend) : DetectionOutput
{
    public override DeviceIdentity Device => Bend.Device;
}

/// <summary>A finished minute.</summary>
public sealed record SummaryOutput(MinuteSummary Summary) : DetectionOutput
{
    public override DeviceIdentity Device => Summary.Device;
}

/// <summary>An activity or state change.</summary>
public sealed record StateChangeOutput(DetectionStateChange Change) : DetectionOutput
{
    public override DeviceIdentity Device => Change.Device;
}
