namespace PostureStream.Devices.Session;

/// <summary>
/// The <c>link_stats</c> fields (Storage README, schema) for one interval: counts in that interval, not totals.
/// <see cref="LostFrames"/> counts frames missing from the seq sequence; <see cref="Resyncs"/> the times
/// the decoder threw bytes away to find the next frame. <see cref="LastTickMicroseconds"/> is the device tick
/// of the interval's last sample (null before any), so replays can stamp the point in device time.
/// </summary>
public readonly record struct LinkStats(
    Transport Transport,
    DateTimeOffset IntervalStart,
    TimeSpan Interval,
    long Frames,
    long Samples,
    long CrcErrors,
    long CobsErrors,
    long OtherErrors,
    long LostFrames,
    long Resyncs,
    long Reconnects,
    uint? LastTickMicroseconds);
