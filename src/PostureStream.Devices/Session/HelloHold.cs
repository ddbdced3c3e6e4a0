namespace PostureStream.Devices.Session;

/// <summary>
/// Events that arrived before the first HELLO, kept in order (firmware-protocol/SPEC.md) until the HELLO comes or the
/// hold ends, bounded so a device that never says HELLO cannot grow memory.
/// </summary>
internal sealed class HelloHold
{
    private readonly List<DeviceEvent> _held = [];
    private readonly int _capacity;

    public HelloHold(int capacity)
    {
        _capacity = capacity;
    }

    public bool IsHolding { get; private set; }

    public void Begin() => IsHolding = true;

    /// <summary>Holds <paramref name="e"/>; false when the hold is full (the caller then ends it).</summary>
    public bool TryHold(DeviceEvent e)
    {
        if (_held.Count >= _capacity)
        {
            return false;
        }

        _held.Add(e);
        return true;
    }

    /// <summary>Ends the hold and hands back what was held, oldest first.</summary>
    public DeviceEvent[] End()
    {
        IsHolding = false;
        DeviceEvent[] held = [.. _held];
        _held.Clear();
        return held;
    }
}
