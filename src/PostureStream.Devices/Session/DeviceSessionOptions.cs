namespace PostureStream.Devices.Session;

/// <summary>How a <see cref="DeviceSession"/> names its device and paces its handshakes, retries and reconnects.</summary>
public sealed record DeviceSessionOptions
{
    /// <summary>The source's <c>name=</c>: the display name, above everything else. Default: none.</summary>
    public string? SourceName { get; init; }

    /// <summary><c>--device-name</c> (only when there is one source): used when the source has no <c>name=</c>. Default: none.</summary>
    public string? DeviceName { get; init; }

    /// <summary>How long samples that arrive before the first HELLO are held (firmware-protocol/SPEC.md). Default 2 s.</summary>
    public TimeSpan HelloHold { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How often IDENTIFY is re-sent while no HELLO has come. Default 500 ms.</summary>
    public TimeSpan IdentifyRetryInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>When an unACKed command is sent again (once, same seq), and when it is then given up. Default 500 ms.</summary>
    public TimeSpan CommandRetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The first wait before reopening a lost link; it doubles after each failure. Default 250 ms.</summary>
    public TimeSpan ReconnectInitialDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The cap on the wait between reconnect attempts. Default 10 s.</summary>
    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a live link (one that reconnects: serial, tcp, ble) may deliver no bytes at all before it is
    /// dropped and reopened like a lost link. A streaming device sends samples many times a second and even
    /// a stopped one sends STATUS every 10 s, so silence past that means a hung device or a dead connection.
    /// <see cref="Timeout.InfiniteTimeSpan"/> turns it off. Default <see cref="DefaultIdleTimeout"/> (15 s).
    /// </summary>
    public TimeSpan IdleTimeout { get; init; } = DefaultIdleTimeout;

    /// <summary>The link_stats interval (Storage README, schema). Default 10 s.</summary>
    public TimeSpan StatsInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The rate START asks for on connect; 0 keeps the device's current rate. Default 0.</summary>
    public ushort StartSampleRateHz { get; init; }

    /// <summary>The most frames held while waiting for HELLO; past it the defaults are taken at once. Default 1024.</summary>
    public int MaxHeldFrames { get; init; } = 1024;

    /// <summary>The device's STATUS interval (10 s) plus 5 s of slack.</summary>
    public static TimeSpan DefaultIdleTimeout { get; } = TimeSpan.FromSeconds(15);

    public static DeviceSessionOptions Default { get; } = new();

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        RequirePositive(HelloHold, nameof(HelloHold));
        RequirePositive(IdentifyRetryInterval, nameof(IdentifyRetryInterval));
        RequirePositive(CommandRetryDelay, nameof(CommandRetryDelay));
        RequirePositive(ReconnectInitialDelay, nameof(ReconnectInitialDelay));
        RequirePositive(StatsInterval, nameof(StatsInterval));
        if (IdleTimeout != Timeout.InfiniteTimeSpan)
        {
            RequirePositive(IdleTimeout, nameof(IdleTimeout));
        }
        if (ReconnectMaxDelay < ReconnectInitialDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(ReconnectMaxDelay), ReconnectMaxDelay, $"must be at least {nameof(ReconnectInitialDelay)} ({ReconnectInitialDelay})");
        }

        if (MaxHeldFrames < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxHeldFrames), MaxHeldFrames, "must be at least 1");
        }
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, "must be a positive duration");
        }
    }
}
