namespace PostureStream.Devices.Session;

/// <summary>
/// Device time in microseconds from u32 ticks: wraps are followed and a step backwards (a device reset)
/// adds nothing, so the count never goes back. Used where a finite source must be paced by device time
/// rather than the wall clock, so a replay at any speed behaves the same (Signals README, device time).
/// </summary>
internal sealed class DeviceTickClock
{
    private uint? _last;

    /// <summary>Unwrapped device microseconds so far.</summary>
    public long Micros { get; private set; }

    /// <summary>The last tick seen, as the device sent it.</summary>
    public uint? LastTick => _last;

    public long Advance(uint tick)
    {
        if (_last is { } last)
        {
            uint step = tick - last;
            Micros += step < 0x8000_0000u ? step : 0;
        }

        _last = tick;
        return Micros;
    }
}
