namespace PostureStream.Signals;

/// <summary>What happened to the stream just before a sample (Signals README, device time).</summary>
[Flags]
public enum SampleMarks : byte
{
    None = 0,

    /// <summary>
    /// A gap precedes this sample: a tick step over 3 nominal periods, a device reset or a silent link.
    /// No filter state was carried across it; <see cref="PostureSample.GapMicroseconds"/> says how long it was.
    /// </summary>
    Gap = 1 << 0,

    /// <summary>The gap was longer than <see cref="DeviceTimeOptions.LongGap"/> (10 s), or a reset or silence: episodes end.</summary>
    LongGap = 1 << 1,

    /// <summary>First sample of a segment: the first sample seen, or the first after a device reset.</summary>
    SegmentStart = 1 << 2,

    /// <summary>The device tick stepped backwards (not a wrap): the device restarted. A prompt to recalibrate.</summary>
    DeviceReset = 1 << 3,

    /// <summary>The first sample after the live link was silent for <see cref="DeviceTimeOptions.SilenceTimeout"/>.</summary>
    AfterSilence = 1 << 4,
}
