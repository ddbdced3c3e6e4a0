namespace PostureStream.Analysis;

/// <summary>
/// One local day of one wearer, summed over the minutes that were mostly sitting or mostly standing
/// (see <see cref="DayMetricsBuilder"/>). Seconds are the minute summaries' own; means are weighted by minutes.
/// </summary>
public sealed record DayMetrics(
    DateOnly Date,
    ContextTotals Sitting,
    ContextTotals Standing,
    int Bends,
    int LumbarDominantBends,
    double? StandingNeutralPelvisPitchDegrees)
{
    /// <summary>Mean sitting minus mean standing lordosis delta, degrees; null unless both were seen.</summary>
    public double? SittingMinusStandingLordosisDegrees =>
        Sitting.Minutes > 0 && Standing.Minutes > 0 ? Sitting.MeanLordosisDeltaDegrees - Standing.MeanLordosisDeltaDegrees : null;

    /// <summary>Share of the day's forward bends that were lumbar-dominant; null without bends.</summary>
    public double? LumbarDominantShare => Bends > 0 ? (double)LumbarDominantBends / Bends : null;
}

/// <summary>What one context (sitting or standing) added up to over a day or a range.</summary>
public sealed record ContextTotals(
    int Minutes,
    double Seconds,
    double SecondsFlattened,
    double SecondsHyperextended,
    double MeanPelvicTiltDegrees,
    double MeanLordosisDeltaDegrees)
{
    public static ContextTotals Empty { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>Share of the context's time in the flattened state (0–1), 0 when there was none.</summary>
    public double FlattenedShare => Seconds > 0 ? SecondsFlattened / Seconds : 0;

    /// <summary>Share of the context's time in the hyper-extended state (0–1), 0 when there was none.</summary>
    public double HyperextendedShare => Seconds > 0 ? SecondsHyperextended / Seconds : 0;

    /// <summary>The totals of several days or minutes together (means weighted by minutes).</summary>
    public static ContextTotals Sum(IEnumerable<ContextTotals> parts)
    {
        int minutes = 0;
        double seconds = 0, flat = 0, hyper = 0, tilt = 0, lordosis = 0;
        foreach (var p in parts)
        {
            minutes += p.Minutes;
            seconds += p.Seconds;
            flat += p.SecondsFlattened;
            hyper += p.SecondsHyperextended;
            tilt += p.MeanPelvicTiltDegrees * p.Minutes;
            lordosis += p.MeanLordosisDeltaDegrees * p.Minutes;
        }

        return minutes == 0 ? Empty : new(minutes, seconds, flat, hyper, tilt / minutes, lordosis / minutes);
    }
}
