namespace PostureStream.Signals;

/// <summary>
/// The chain's device time line (Signals README, device time): takes sample times that are already unwrapped but may
/// step backwards at a device reset, and gives a line that never goes back, with the gap, reset and segment marks.
/// A reset continues one nominal period after the last sample (how long the device was down is unknown). Gap
/// thresholds follow the nominal rate. Flat state, one per device, fed in order.
/// </summary>
internal struct DeviceTimeLine
{
    private readonly double gapPeriods;
    private readonly long longGapMicroseconds;
    private bool started;
    private long lastInput;
    private long periodMicroseconds;
    private long gapMicroseconds;

    public DeviceTimeLine(DeviceTimeOptions options)
    {
        gapPeriods = options.GapPeriods;
        longGapMicroseconds = (long)options.LongGap.TotalMicroseconds;
        SetRate(options.DefaultSampleRateHz);
    }

    /// <summary>Device time of the last sample, µs (0 before the first).</summary>
    public long DeviceMicroseconds { get; private set; }

    /// <summary>The nominal rate changed: the reset step and the gap threshold follow it.</summary>
    public void SetRate(int sampleRateHz)
    {
        periodMicroseconds = 1_000_000 / sampleRateHz;
        gapMicroseconds = (long)(1_000_000.0 / sampleRateHz * gapPeriods);
    }

    /// <summary>
    /// Moves the line to a sample at <paramref name="input"/> and marks it: a new segment at the first sample and after
    /// a reset (the input stepped back); a gap (with its length) when the step is over the rate's threshold, a long
    /// gap when it is also over <see cref="DeviceTimeOptions.LongGap"/>.
    /// </summary>
    public SampleMarks Advance(long input, out long gapLength)
    {
        gapLength = 0;
        if (!started)
        {
            started = true;
            lastInput = input;
            DeviceMicroseconds = input;
            return SampleMarks.SegmentStart;
        }

        long step = input - lastInput;
        lastInput = input;
        if (step < 0)
        {
            DeviceMicroseconds += periodMicroseconds;
            return SampleMarks.SegmentStart | SampleMarks.DeviceReset | SampleMarks.Gap | SampleMarks.LongGap;
        }

        DeviceMicroseconds += step;
        if (step <= gapMicroseconds)
        {
            return SampleMarks.None;
        }

        gapLength = step;
        return step > longGapMicroseconds ? SampleMarks.Gap | SampleMarks.LongGap : SampleMarks.Gap;
    }

    /// <summary>
    /// Device time of something that is not a sample (a cue's time), without moving the line: placed relative to the
    /// last sample, never below 0; before any sample, its own value.
    /// </summary>
    public readonly long Place(long input) => !started ? input : Math.Max(0, DeviceMicroseconds + (input - lastInput));
}
