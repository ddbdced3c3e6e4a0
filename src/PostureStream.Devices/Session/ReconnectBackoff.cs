namespace PostureStream.Devices.Session;

/// <summary>Capped exponential backoff: initial, 2×, 4×, … up to the cap, back to initial after a success.</summary>
internal sealed class ReconnectBackoff
{
    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;
    private TimeSpan _next;

    public ReconnectBackoff(TimeSpan initial, TimeSpan max)
    {
        _initial = initial;
        _max = max;
        _next = initial;
    }

    public TimeSpan Next()
    {
        TimeSpan current = _next;
        _next = TimeSpan.FromTicks(Math.Min(_max.Ticks, current.Ticks * 2));
        return current;
    }

    public void Reset() => _next = _initial;
}
