namespace PostureStream.Signals;

/// <summary>Options of tick unwrapping, gap marks, UTC stamping and the silence timer (Signals README, device time).</summary>
public sealed class DeviceTimeOptions
{
    /// <summary>The sample rate assumed until a HELLO says otherwise (or when it says 0). Default 100 Hz.</summary>
    public int DefaultSampleRateHz { get; set; } = 100;

    /// <summary>A tick step larger than this many nominal sample periods is a gap. Default 3.</summary>
    public double GapPeriods { get; set; } = 3;

    /// <summary>A gap longer than this ends episodes (<see cref="SampleMarks.LongGap"/>). Default 10 s.</summary>
    public TimeSpan LongGap { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A live link that delivers nothing for this long (wall time) is silent. Default 10 s.</summary>
    public TimeSpan SilenceTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Where UTC stamps come from. Default <see cref="ClockSource.Arrival"/> (live).</summary>
    public ClockSource Clock { get; set; } = ClockSource.Arrival;

    /// <summary>With <see cref="ClockSource.Device"/>: the stamp of the first sample; null = the scheduler's time at subscription.</summary>
    public DateTimeOffset? Start { get; set; }

    /// <summary>Skew tracking: the device-time span of one bucket of (tick, arrival) pairs, whose lowest latency is kept (64 buckets are fitted). Default 2 s.</summary>
    public TimeSpan SkewBucket { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Throws when an option is out of range, naming it and what would be valid.</summary>
    public DeviceTimeOptions Validate()
    {
        if (DefaultSampleRateHz is < 1 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(DefaultSampleRateHz), DefaultSampleRateHz, "must be 1–10000 Hz");
        }

        if (!(GapPeriods >= 1.5) || double.IsInfinity(GapPeriods))
        {
            throw new ArgumentOutOfRangeException(nameof(GapPeriods), GapPeriods, "must be a finite number of periods ≥ 1.5");
        }

        RequirePositive(LongGap, nameof(LongGap));
        RequirePositive(SilenceTimeout, nameof(SilenceTimeout));
        RequirePositive(SkewBucket, nameof(SkewBucket));
        if (!Enum.IsDefined(Clock))
        {
            throw new ArgumentOutOfRangeException(nameof(Clock), Clock, "must be Arrival or Device");
        }

        return this;
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, "must be longer than zero");
        }
    }
}
