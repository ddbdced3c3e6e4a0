namespace PostureStream.Analysis;

/// <summary>
/// Before/after comparison of a daily metric around a programme start. The difference of the means is bracketed by a
/// stationary block bootstrap of each period separately (seeded, so the same data give the same interval). Periods of
/// one to four weeks are short for a bootstrap, whose spread then falls short of the true one; the resampled
/// deviations are widened by sqrt(n/(n−1)) per period and by the ratio of Student's t to the normal quantile (with
/// Welch's conservative degrees of freedom, the shorter period's days minus one), which
/// keeps false claims of change at about the nominal rate on simulated wearers (Evaluation README, patterns).
/// </summary>
public static class EffectEstimator
{
    public static EffectEstimate Estimate(
        IReadOnlyList<(DateOnly Date, double Value)> series, DailyMetric metric, DateOnly start, DateOnly? end, EffectOptions options)
    {
        options.Validate();
        var baselineFrom = start.AddDays(-options.BaselineDays);
        double[] before = [.. series.Where(p => p.Date >= baselineFrom && p.Date < start).Select(p => p.Value)];
        var after = series.Where(p => p.Date >= start && (end is null || p.Date <= end)).ToList();
        double[] afterValues = [.. after.Select(p => p.Value)];
        var weeks = WeekMeans(after, start);
        double? slope = Slope(weeks);

        if (before.Length < options.MinimumDaysBefore || afterValues.Length < options.MinimumDaysAfter)
        {
            double b = before.Length > 0 ? before.Average() : double.NaN, a = afterValues.Length > 0 ? afterValues.Average() : double.NaN;
            return new(metric, start, before.Length, afterValues.Length, b, a, a - b, double.NaN, double.NaN, EffectVerdict.NotEnoughDays, weeks, slope);
        }

        double beforeMean = before.Average(), afterMean = afterValues.Average();
        double difference = afterMean - beforeMean;
        double widen = TQuantile(options.Confidence, Math.Min(before.Length, afterValues.Length) - 1) / NormalQuantile(options.Confidence);
        double beforeWiden = widen * Math.Sqrt(before.Length / (before.Length - 1.0));
        double afterWiden = widen * Math.Sqrt(afterValues.Length / (afterValues.Length - 1.0));
        double beforeBlock = options.MeanBlockLength ?? StationaryBootstrap.DefaultBlockLength(before.Length);
        double afterBlock = options.MeanBlockLength ?? StationaryBootstrap.DefaultBlockLength(afterValues.Length);

        var random = new Random(options.Seed);
        var differences = new double[options.Resamples];
        for (int i = 0; i < differences.Length; i++)
        {
            double b = beforeMean + (beforeWiden * (StationaryBootstrap.ResampleMean(before, beforeBlock, random) - beforeMean));
            double a = afterMean + (afterWiden * (StationaryBootstrap.ResampleMean(afterValues, afterBlock, random) - afterMean));
            differences[i] = a - b;
        }

        Array.Sort(differences);
        double tail = (1 - options.Confidence) / 2;
        double lower = Percentile(differences, tail), upper = Percentile(differences, 1 - tail);
        var verdict = lower > 0 || upper < 0 ? EffectVerdict.Change : EffectVerdict.NoDistinguishableChange;
        return new(metric, start, before.Length, afterValues.Length, beforeMean, afterMean, difference, lower, upper, verdict, weeks, slope);
    }

    private static List<WeekMean> WeekMeans(IReadOnlyList<(DateOnly Date, double Value)> after, DateOnly start) =>
    [
        .. after.GroupBy(p => (p.Date.DayNumber - start.DayNumber) / 7)
            .OrderBy(g => g.Key)
            .Select(g => new WeekMean(g.Key + 1, start.AddDays(g.Key * 7), g.Count(), g.Average(p => p.Value))),
    ];

    // Least-squares slope of weekly means against the week number; null with fewer than two weeks.
    private static double? Slope(IReadOnlyList<WeekMean> weeks)
    {
        if (weeks.Count < 2)
        {
            return null;
        }

        double meanX = weeks.Average(w => (double)w.Week), meanY = weeks.Average(w => w.Mean);
        double sxy = weeks.Sum(w => (w.Week - meanX) * (w.Mean - meanY)), sxx = weeks.Sum(w => (w.Week - meanX) * (w.Week - meanX));
        return sxy / sxx;
    }

    private static double Percentile(double[] sorted, double p)
    {
        double position = p * (sorted.Length - 1);
        int low = (int)Math.Floor(position);
        int high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((position - low) * (sorted[high] - sorted[low]));
    }

    // Two-sided normal quantile for the coverage, by Acklam's rational approximation (relative error < 1.2e-9).
    internal static double NormalQuantile(double confidence)
    {
        double p = 1 - ((1 - confidence) / 2);
        if (1 - p < 0.02425)
        {
            double t = Math.Sqrt(-2 * Math.Log(1 - p));
            return -Horner([-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00], t)
                / Horner([7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00, 1], t);
        }

        double q = p - 0.5, r = q * q;
        return q * Horner([-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00], r)
            / Horner([-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01, 1], r);
    }

    private static double Horner(ReadOnlySpan<double> coefficients, double x)
    {
        double value = 0;
        foreach (double c in coefficients)
        {
            value = (value * x) + c;
        }

        return value;
    }

    // Student's t quantile by the Cornish–Fisher expansion around the normal one (close enough from 4 degrees of freedom).
    internal static double TQuantile(double confidence, int degreesOfFreedom)
    {
        double z = NormalQuantile(confidence), n = Math.Max(1, degreesOfFreedom);
        double z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z;
        return z + ((z3 + z) / (4 * n)) + (((5 * z5) + (16 * z3) + (3 * z)) / (96 * n * n))
            + (((3 * z7) + (19 * z5) + (17 * z3) - (15 * z)) / (384 * n * n * n));
    }
}
