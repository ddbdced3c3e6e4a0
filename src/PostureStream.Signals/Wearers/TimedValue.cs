namespace PostureStream.Signals.Wearers;

/// <summary>A value with its estimated sample time on the host's monotonic clock, µs.</summary>
/// <param name="StartsSegment">The first sample after the stream began or came back from a gap (its line was re-anchored).</param>
public readonly record struct TimedValue<T>(long TimeMicroseconds, T Value, bool StartsSegment);
