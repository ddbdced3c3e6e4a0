namespace PostureStream.Protocol;

/// <summary>What one tick did to the device timeline (<see cref="TickUnwrapper.Advance"/>).</summary>
public enum TickStep
{
    /// <summary>The first tick: the timeline starts at its value.</summary>
    First,

    /// <summary>A step forward, a wrap past 2^32 included.</summary>
    Forward,

    /// <summary>A step backwards of at most half the u32 range: the device restarted its clock.</summary>
    Reset,
}

/// <summary>
/// The one place the u32 microsecond tick of SAMPLES and EVENT (wrapping every ~71.6 min,
/// firmware-protocol/SPEC.md) becomes a 64-bit device time that never wraps (Protocol README, device
/// time). A step backwards of at most half the u32 range is a device reset; any other step is the unsigned
/// step forward, so a wrap needs nothing special. The timeline starts at the first tick's own value; after
/// a reset it continues a caller-chosen step after the last value, since how long the device was down is
/// unknown. One instance per device stream, fed in arrival order; not thread-safe.
/// </summary>
public sealed class TickUnwrapper
{
    private const uint HalfRange = 1u << 31;

    private bool _started;
    private uint _lastTick;
    private long _deviceMicroseconds;

    /// <summary>The last tick fed to <see cref="Advance"/>, as the device sent it; null before the first.</summary>
    public uint? LastTick => _started ? _lastTick : null;

    /// <summary>Device time of the last tick fed to <see cref="Advance"/>, µs (0 before the first).</summary>
    public long DeviceMicroseconds => _deviceMicroseconds;

    /// <summary>
    /// Moves the timeline to <paramref name="tick"/> and says how: <paramref name="stepMicroseconds"/> is how
    /// far device time moved (0 for the first tick, <paramref name="resetStepMicroseconds"/> for a reset).
    /// </summary>
    public TickStep Advance(uint tick, long resetStepMicroseconds, out long stepMicroseconds)
    {
        if (!_started)
        {
            _started = true;
            _lastTick = tick;
            _deviceMicroseconds = tick;
            stepMicroseconds = 0;
            return TickStep.First;
        }

        bool reset = IsReset(tick);
        stepMicroseconds = reset ? resetStepMicroseconds : tick - _lastTick;
        _lastTick = tick;
        _deviceMicroseconds += stepMicroseconds;
        return reset ? TickStep.Reset : TickStep.Forward;
    }

    /// <summary>
    /// Device time of a tick that is not a sample (an EVENT's), without moving the timeline. A tick a little
    /// before the last one (or from a clock that restarted) is placed before it, never below 0.
    /// </summary>
    public long Peek(uint tick)
    {
        if (!_started)
        {
            return tick;
        }

        return IsReset(tick)
            ? Math.Max(0, _deviceMicroseconds - (_lastTick - tick))
            : _deviceMicroseconds + (tick - _lastTick);
    }

    private bool IsReset(uint tick) => tick < _lastTick && _lastTick - tick <= HalfRange;
}
