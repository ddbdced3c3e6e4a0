namespace PostureStream.Signals;

/// <summary>A neutral posture: the median low-passed angles of each sensor over a quiet window, and when and why it was taken.</summary>
public sealed record Neutral(SensorAngles Angles, DateTimeOffset TakenAt, CalibrationSource Source);
