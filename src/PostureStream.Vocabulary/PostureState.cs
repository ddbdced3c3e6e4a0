namespace PostureStream.Vocabulary;

/// <summary>The per-sample detection state (the <c>state</c> field): the hysteresis state, or why it cannot run.</summary>
public enum PostureState : byte
{
    Uncalibrated = 0,
    Neutral,
    Flattened,
    Hyperextended,
    SensorFault,
}
