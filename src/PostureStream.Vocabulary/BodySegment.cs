namespace PostureStream.Vocabulary;

/// <summary>
/// The body segment one sensor sits on (the <c>segment</c> tag of <c>link_stats</c> and <c>device_status</c>). A wearer
/// made of two single-IMU sensors has one link per segment, and its link points carry the segment so the two links
/// never share a series; a PSP device carries both segments on one link and its points have no segment.
/// </summary>
public enum BodySegment : byte
{
    /// <summary>Over the lumbar spine, about L1–L3.</summary>
    Lumbar = 0,

    /// <summary>Over the sacrum, about S1–S2.</summary>
    Pelvis,
}
