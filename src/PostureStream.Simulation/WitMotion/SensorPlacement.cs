namespace PostureStream.Simulation.WitMotion;

/// <summary>Where a single-IMU sensor is stuck: over the lumbar spine (L1–L3) or the sacrum (S1–S2).</summary>
/// <remarks>The simulator's own word, like its <c>Activity</c>: the oracle shares no types with the code it scores.</remarks>
public enum SensorPlacement
{
    Lumbar,
    Pelvis,
}
