namespace PostureStream.Signals.Wearers;

/// <summary>
/// How <see cref="SampleClock{T}"/> estimates the sample times of a sensor that sends no clock. Defaults suit
/// BLE connection intervals up to 50 ms with 10 ms of host jitter and serial links alike.
/// </summary>
public sealed record SampleClockOptions
{
    /// <summary>
    /// A sample's time is given out this long (of host time) after it arrived, so that a loss found by the samples
    /// after it can still move it. Default 300 ms; 0–5 s.
    /// </summary>
    public TimeSpan FinalizeDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Arrival more than this much later than the stream's line allows starts a new segment (reconnect). Default 0.5 s.</summary>
    public TimeSpan GapAfter { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The lower envelope is kept as one minimum per bucket of this much arrival time. Default 1 s.</summary>
    public TimeSpan Bucket { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The line's offset is the lowest of this many recent buckets (it may rise only as they leave). Default 5.</summary>
    public int FloorBuckets { get; init; } = 5;

    /// <summary>The rate is fitted over at most this many buckets (slow drift is followed). Default 120 (2 min).</summary>
    public int RateBuckets { get; init; } = 120;

    /// <summary>The fitted rate may differ from the nominal one by at most this share (a crystal's skew is well under 1 %). Default 0.02.</summary>
    public double MaxRateError { get; init; } = 0.02;

    /// <summary>Slack allowed on both sides of the delay range before a sample is judged out of place. Default 2 ms.</summary>
    public TimeSpan Tolerance { get; init; } = TimeSpan.FromMilliseconds(2);

    public SampleClockOptions Validate()
    {
        if (FinalizeDelay < TimeSpan.Zero || FinalizeDelay > TimeSpan.FromSeconds(5))
        {
            throw new ArgumentOutOfRangeException(nameof(FinalizeDelay), FinalizeDelay, "must be 0–5 s");
        }

        if (GapAfter <= TimeSpan.Zero || Bucket <= TimeSpan.Zero || Tolerance < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(GapAfter), "GapAfter and Bucket must be positive and Tolerance not negative");
        }

        if (FloorBuckets < 1 || RateBuckets < 3 || MaxRateError is <= 0 or > 0.2)
        {
            throw new ArgumentOutOfRangeException(nameof(RateBuckets), "FloorBuckets must be ≥ 1, RateBuckets ≥ 3 and MaxRateError in (0, 0.2]");
        }

        return this;
    }
}
