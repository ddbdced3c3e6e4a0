namespace PostureStream.Cli.Run;

/// <summary>
/// The time a link_stats interval is stored at. The session stamps intervals by arrival; with a device clock
/// (always for <c>file:</c> and <c>sim:</c>) the samples are stamped <c>start + ticks</c> instead (Signals README, device time),
/// so an interval is stored at the stamp of its first sample: replays then store the same points, inside the
/// capture's time range.
/// </summary>
internal sealed class LinkStatsStamp(bool deviceClock)
{
    /// <summary>Keeps an interval without samples from overwriting the one before it (same series and time).</summary>
    private static readonly TimeSpan Nudge = TimeSpan.FromMilliseconds(1);

    private DateTimeOffset? _firstSinceReport;
    private DateTimeOffset? _lastSample;
    private DateTimeOffset? _previous;

    /// <summary>A samples frame went through the pipeline with this UTC stamp.</summary>
    public void Sample(DateTimeOffset utc)
    {
        _firstSinceReport ??= utc;
        _lastSample = utc;
    }

    /// <summary>The stamp of the interval being reported, given the session's (arrival) interval start.</summary>
    public DateTime IntervalStart(DateTimeOffset arrivalStart)
    {
        if (!deviceClock || _lastSample is not { } last)
        {
            return arrivalStart.UtcDateTime;
        }

        DateTimeOffset stamp = _firstSinceReport ?? last;
        if (_previous is { } previous && stamp <= previous)
        {
            stamp = previous + Nudge;
        }

        _previous = stamp;
        _firstSinceReport = null;
        return stamp.UtcDateTime;
    }
}
