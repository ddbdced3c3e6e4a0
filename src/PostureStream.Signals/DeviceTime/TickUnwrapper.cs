namespace PostureStream.Signals;

/// <summary>
/// Turns u32 microsecond ticks into a monotonic 64-bit device time (Signals README, device time). A step backwards of more
/// than half the u32 range is a wrap; any other step backwards is a device reset, which starts a new
/// segment one nominal period after the last sample, since how long the device was down is unknown.
/// </summary>
internal struct TickUnwrapper
{
    private const uint HalfRange = 1u << 31;

    private bool started;
    private uint lastTick;
    private long lastDeviceMicroseconds;

    /// <summary>Device time of the last sample, µs (0 before the first).</summary>
    public readonly long LastDeviceMicroseconds => lastDeviceMicroseconds;

    public long Unwrap(uint tick, long periodMicroseconds, long gapMicroseconds, long longGapMicroseconds, out SampleMarks marks, out long gapLength)
    {
        gapLength = 0;
        if (!started)
        {
            started = true;
            lastTick = tick;
            lastDeviceMicroseconds = tick;
            marks = SampleMarks.SegmentStart;
            return tick;
        }

        bool reset = tick < lastTick && lastTick - tick <= HalfRange;
        uint forward = tick - lastTick;
        lastTick = tick;
        if (reset)
        {
            // Backwards by less than half the range: the device restarted its clock.
            lastDeviceMicroseconds += periodMicroseconds;
            marks = SampleMarks.SegmentStart | SampleMarks.DeviceReset | SampleMarks.Gap | SampleMarks.LongGap;
            return lastDeviceMicroseconds;
        }

        // Forward, or backwards by more than half the range (a wrap): the unsigned step is right either way.
        lastDeviceMicroseconds += forward;
        marks = SampleMarks.None;
        if (forward > gapMicroseconds)
        {
            gapLength = forward;
            marks = forward > longGapMicroseconds ? SampleMarks.Gap | SampleMarks.LongGap : SampleMarks.Gap;
        }

        return lastDeviceMicroseconds;
    }

    /// <summary>Device time of a tick that is not a sample (an EVENT's), without moving the state.</summary>
    public readonly long Peek(uint tick)
    {
        if (!started)
        {
            return tick;
        }

        if (tick < lastTick && lastTick - tick <= HalfRange)
        {
            // An event stamped just before the last sample (or by a clock that restarted): keep it in order.
            return Math.Max(0, lastDeviceMicroseconds - (lastTick - tick));
        }

        return lastDeviceMicroseconds + (tick - lastTick);
    }
}
