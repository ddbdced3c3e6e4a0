namespace PostureStream.Simulation.WitMotion;

/// <summary>
/// How a sensor's samples reach the host. Over BLE, notifications leave only at connection events, one connection
/// interval apart (7.5 ms–4 s by the Bluetooth Core spec; 7.5–50 ms is what phones and BlueZ negotiate with these
/// sensors), so samples arrive in bursts; the host adds scheduling jitter (the BlueZ → D-Bus → process path) and
/// drops a notification now and then. Over USB serial the adapter's latency timer plays the part of the interval.
/// </summary>
public sealed record WitMotionLinkProfile
{
    /// <summary>The connection interval is drawn per connection from [min, max]. Default 7.5–50 ms (BLE).</summary>
    public TimeSpan ConnectionIntervalMin { get; init; } = TimeSpan.FromMilliseconds(7.5);

    public TimeSpan ConnectionIntervalMax { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Each connection event's burst is delivered late by a uniform 0–Jitter. Default 10 ms.</summary>
    public TimeSpan Jitter { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Probability that a sample never reaches the host. Default 0.01.</summary>
    public double LossRate { get; init; } = 0.01;

    /// <summary>BLE-like batching: 7.5–50 ms intervals, 10 ms jitter, 1 % loss (the defaults).</summary>
    public static WitMotionLinkProfile Ble { get; } = new();

    /// <summary>A USB-serial adapter: a 16 ms latency timer (FTDI's default), 2 ms jitter, no loss.</summary>
    public static WitMotionLinkProfile Serial { get; } = new()
    {
        ConnectionIntervalMin = TimeSpan.FromMilliseconds(16),
        ConnectionIntervalMax = TimeSpan.FromMilliseconds(16),
        Jitter = TimeSpan.FromMilliseconds(2),
        LossRate = 0,
    };

    public void Validate()
    {
        if (ConnectionIntervalMin <= TimeSpan.Zero || ConnectionIntervalMax < ConnectionIntervalMin || ConnectionIntervalMax > TimeSpan.FromSeconds(4))
        {
            throw new ArgumentOutOfRangeException(nameof(ConnectionIntervalMax), $"connection interval must satisfy 0 < min ≤ max ≤ 4 s, got {ConnectionIntervalMin.TotalMilliseconds}–{ConnectionIntervalMax.TotalMilliseconds} ms");
        }

        if (Jitter < TimeSpan.Zero || LossRate is < 0 or > 0.5)
        {
            throw new ArgumentOutOfRangeException(nameof(LossRate), $"jitter must be ≥ 0 and loss rate 0–0.5, got {Jitter.TotalMilliseconds} ms and {LossRate}");
        }
    }
}
