namespace PostureStream.Devices.Ble;

/// <summary>Capped exponential backoff between reconnect attempts: initial, 2×, 4×, … up to the cap.</summary>
public static class ReconnectBackoff
{
    /// <summary>The wait before attempt <paramref name="attempt"/> (0-based).</summary>
    public static TimeSpan Delay(int attempt, TimeSpan initial, TimeSpan max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);
        double factor = Math.Pow(2, Math.Min(attempt, 30));
        double ticks = Math.Min(initial.Ticks * factor, max.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
