namespace PostureStream.Signals.Wearers;

/// <summary>How a wearer's two sensor streams become one (<see cref="WearerStreams"/>); defaults documented and validated.</summary>
public sealed record WearerStreamOptions
{
    /// <summary>Sample-time estimation per stream (default: <see cref="SampleClockOptions"/>'s).</summary>
    public SampleClockOptions Clock { get; init; } = new();

    /// <summary>
    /// The bound on how long after a grid instant (host time) it is put out, when a sensor is late or lost. Default
    /// 0.5 s; raised to the clocks' finalize delay plus two sample periods where that is more (low rates).
    /// </summary>
    public TimeSpan Latency { get; init; } = TimeSpan.FromMilliseconds(500);

    public FunctionalCalibrationOptions Functional { get; init; } = new();

    public WearerStreamOptions Validate()
    {
        Clock.Validate();
        Functional.Validate();
        if (Latency <= TimeSpan.Zero || Latency > TimeSpan.FromSeconds(10))
        {
            throw new ArgumentOutOfRangeException(nameof(Latency), Latency, "must be in (0, 10 s]");
        }

        return this;
    }

    /// <summary>The latency actually used at <paramref name="rateHz"/>.</summary>
    public TimeSpan LatencyAt(double rateHz) =>
        TimeSpan.FromTicks(Math.Max(Latency.Ticks, Clock.FinalizeDelay.Ticks + (long)(2 * TimeSpan.TicksPerSecond / rateHz)));
}
