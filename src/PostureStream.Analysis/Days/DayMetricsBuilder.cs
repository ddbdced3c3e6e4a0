using PostureStream.Storage.Trends;

namespace PostureStream.Analysis;

/// <summary>
/// Turns stored minutes, bends and standing neutrals into one <see cref="DayMetrics"/> per local day.
/// A minute summary counts states for the whole minute, not per activity, so a minute is given to sitting or to
/// standing only when that activity filled at least <see cref="ContextMinuteShare"/> of its measured time; mixed
/// minutes (a transition, a walk) are left out rather than guessed.
/// </summary>
public static class DayMetricsBuilder
{
    /// <summary>The share of a minute one activity must fill for the minute to count for it.</summary>
    public const double ContextMinuteShare = 0.75;

    public static IReadOnlyList<DayMetrics> Build(
        IEnumerable<MinuteDigest> minutes,
        IEnumerable<BendDigest> bends,
        IEnumerable<NeutralReading> neutrals,
        TimeZoneInfo zone)
    {
        var days = new SortedDictionary<DateOnly, DayAccumulator>();
        DayAccumulator Day(DateTime utc)
        {
            var date = TrendCalendar.LocalDate(utc, zone);
            if (!days.TryGetValue(date, out var day))
            {
                day = new DayAccumulator();
                days[date] = day;
            }

            return day;
        }

        foreach (var minute in minutes)
        {
            double total = minute.SecondsSitting + minute.SecondsStanding + minute.SecondsOther;
            if (total <= 0)
            {
                continue;
            }

            if (minute.SecondsSitting >= ContextMinuteShare * total)
            {
                Day(minute.StartUtc).Sitting.Add(minute, minute.SecondsSitting);
            }
            else if (minute.SecondsStanding >= ContextMinuteShare * total)
            {
                Day(minute.StartUtc).Standing.Add(minute, minute.SecondsStanding);
            }
        }

        foreach (var bend in bends)
        {
            var day = Day(bend.TimeUtc);
            day.Bends++;
            day.LumbarDominantBends += bend.LumbarDominant ? 1 : 0;
        }

        foreach (var neutral in neutrals)
        {
            var day = Day(neutral.TimeUtc);
            day.NeutralPitchSum += neutral.PelvisPitchDegrees;
            day.Neutrals++;
        }

        return [.. days.Select(d => d.Value.ToMetrics(d.Key))];
    }

    private sealed class DayAccumulator
    {
        public ContextAccumulator Sitting { get; } = new();

        public ContextAccumulator Standing { get; } = new();

        public int Bends { get; set; }

        public int LumbarDominantBends { get; set; }

        public double NeutralPitchSum { get; set; }

        public int Neutrals { get; set; }

        // Several neutrals in a day (morning, after the first walk) share that day's placement: their mean is the day's reading.
        public DayMetrics ToMetrics(DateOnly date) => new(
            date, Sitting.ToTotals(), Standing.ToTotals(), Bends, LumbarDominantBends,
            Neutrals > 0 ? NeutralPitchSum / Neutrals : null);
    }

    private sealed class ContextAccumulator
    {
        private int minutes;
        private double seconds, flattened, hyperextended, tilt, lordosis;

        public void Add(MinuteDigest minute, double contextSeconds)
        {
            minutes++;
            seconds += contextSeconds;
            flattened += minute.SecondsFlattened;
            hyperextended += minute.SecondsHyperextended;
            tilt += minute.MeanPelvicTiltDegrees;
            lordosis += minute.MeanLordosisDeltaDegrees;
        }

        public ContextTotals ToTotals() =>
            minutes == 0 ? ContextTotals.Empty : new(minutes, seconds, flattened, hyperextended, tilt / minutes, lordosis / minutes);
    }
}
