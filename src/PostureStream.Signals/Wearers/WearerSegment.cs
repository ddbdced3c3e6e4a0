namespace PostureStream.Signals.Wearers;

/// <summary>Which segment a wearer's single-IMU sensor is stuck on.</summary>
public enum WearerSegment
{
    /// <summary>Over the lumbar spine, about L1–L3.</summary>
    Lumbar,

    /// <summary>Over the sacrum, about S1–S2.</summary>
    Pelvis,
}
