namespace PostureStream.Storage.Trends;

/// <summary>
/// Combines the stores' fine buckets into the zone's local buckets. Angle means are weighted by
/// samples (minutes without a mean do not count), minima and maxima are the extremes of the
/// minute extremes; a value no minute had is NaN. Buckets without any summary row are left out.
/// </summary>
internal static class TrendAggregation
{
    public static IReadOnlyList<AngleBucket> Angles(IEnumerable<SummaryPart> parts, TimeZoneInfo zone, TrendGrain grain)
    {
        var buckets = new List<AngleBucket>();
        foreach (var group in GroupByLocalBucket(parts, zone, grain))
        {
            double pelvicSum = 0, pelvicWeight = 0, lordosisSum = 0, lordosisWeight = 0;
            double minPelvic = double.NaN, maxPelvic = double.NaN, minLordosis = double.NaN, maxLordosis = double.NaN;
            long samples = 0;
            foreach (var part in group.Parts)
            {
                pelvicSum += part.PelvicTiltWeightedSum;
                pelvicWeight += part.PelvicTiltWeight;
                lordosisSum += part.LordosisDeltaWeightedSum;
                lordosisWeight += part.LordosisDeltaWeight;
                minPelvic = Min(minPelvic, part.MinPelvicTilt);
                maxPelvic = Max(maxPelvic, part.MaxPelvicTilt);
                minLordosis = Min(minLordosis, part.MinLordosisDelta);
                maxLordosis = Max(maxLordosis, part.MaxLordosisDelta);
                samples += part.Samples;
            }

            buckets.Add(new AngleBucket(
                group.StartUtc,
                pelvicWeight > 0 ? pelvicSum / pelvicWeight : double.NaN,
                minPelvic,
                maxPelvic,
                lordosisWeight > 0 ? lordosisSum / lordosisWeight : double.NaN,
                minLordosis,
                maxLordosis,
                samples));
        }

        return buckets;
    }

    public static IReadOnlyList<TimeInStateBucket> TimeInState(IEnumerable<SummaryPart> parts, TimeZoneInfo zone, TrendGrain grain)
    {
        var buckets = new List<TimeInStateBucket>();
        foreach (var group in GroupByLocalBucket(parts, zone, grain))
        {
            var p = group.Parts;
            buckets.Add(new TimeInStateBucket(
                group.StartUtc,
                p.Sum(x => x.SecondsNeutral),
                p.Sum(x => x.SecondsFlattened),
                p.Sum(x => x.SecondsHyperextended),
                p.Sum(x => x.SecondsUncalibrated),
                p.Sum(x => x.SecondsStanding),
                p.Sum(x => x.SecondsSitting),
                p.Sum(x => x.SecondsWalking),
                p.Sum(x => x.SecondsBending),
                p.Sum(x => x.SecondsLying)));
        }

        return buckets;
    }

    private static IEnumerable<(DateTime StartUtc, List<SummaryPart> Parts)> GroupByLocalBucket(IEnumerable<SummaryPart> parts, TimeZoneInfo zone, TrendGrain grain)
    {
        var groups = new SortedDictionary<DateTime, List<SummaryPart>>();
        foreach (var part in parts)
        {
            var start = TrendCalendar.BucketStartUtc(part.StartUtc, zone, grain);
            if (!groups.TryGetValue(start, out var list))
            {
                groups[start] = list = [];
            }

            list.Add(part);
        }

        foreach (var (start, list) in groups)
        {
            yield return (start, list);
        }
    }

    private static double Min(double current, double value) => double.IsNaN(value) ? current : double.IsNaN(current) ? value : Math.Min(current, value);

    private static double Max(double current, double value) => double.IsNaN(value) ? current : double.IsNaN(current) ? value : Math.Max(current, value);
}
