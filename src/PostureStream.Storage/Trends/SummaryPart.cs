namespace PostureStream.Storage.Trends;

/// <summary>
/// posture_summary rows aggregated by a store into one fine UTC bucket (see
/// <see cref="TrendCalendar.FineWidth"/>): sums of seconds, sample-weighted sums of the means
/// (with the weight of the rows that had a mean), extremes, and the sample count. Both stores
/// produce these; <see cref="TrendAggregation"/> combines them into local buckets the same way.
/// </summary>
internal sealed record SummaryPart(
    DateTime StartUtc,
    double SecondsNeutral,
    double SecondsFlattened,
    double SecondsHyperextended,
    double SecondsUncalibrated,
    double SecondsStanding,
    double SecondsSitting,
    double SecondsWalking,
    double SecondsBending,
    double SecondsLying,
    double PelvicTiltWeightedSum,
    double PelvicTiltWeight,
    double MinPelvicTilt,
    double MaxPelvicTilt,
    double LordosisDeltaWeightedSum,
    double LordosisDeltaWeight,
    double MinLordosisDelta,
    double MaxLordosisDelta,
    long Samples);
