namespace PostureStream.Analysis;

/// <summary>
/// The long-run variance of daily values — the variance a mean of many days has per day, which exceeds the plain
/// variance when good and bad days come in spells — estimated with the Bartlett kernel (Newey and West, 1987) on the
/// deviations of each period from its own mean, the autocovariances pooled over the periods and never taken across a
/// period's end (a programme start may move the level). The Bartlett estimate is what a moving block bootstrap with
/// blocks of <c>bandwidth + 1</c> days converges to (Künsch, 1989), computed exactly instead of by resampling.
/// </summary>
public static class LongRunVariance
{
    /// <summary>
    /// The default number of lags for <paramref name="days"/> days in all: Newey and West's rule
    /// ⌊4·(n/100)^(2/9)⌋, at least 1 (3 lags for 28 days, 3 for 70).
    /// </summary>
    public static int DefaultBandwidth(int days) => Math.Max(1, (int)Math.Floor(4 * Math.Pow(days / 100.0, 2.0 / 9.0)));

    /// <summary>
    /// The Bartlett estimate with <paramref name="bandwidth"/> lags (weights 1 − j/(bandwidth + 1)) over the periods,
    /// each centred on its own mean. Never negative: the Bartlett kernel keeps the estimate positive semi-definite.
    /// </summary>
    public static double Bartlett(IReadOnlyList<IReadOnlyList<double>> periods, int bandwidth)
    {
        int days = periods.Sum(p => p.Count);
        double[][] deviations = [.. periods.Select(p => { double mean = p.Average(); return p.Select(v => v - mean).ToArray(); })];
        double variance = Autocovariance(deviations, 0, days);
        for (int lag = 1; lag <= bandwidth; lag++)
        {
            variance += 2 * (1 - (lag / (bandwidth + 1.0))) * Autocovariance(deviations, lag, days);
        }

        return Math.Max(0, variance);
    }

    private static double Autocovariance(double[][] deviations, int lag, int days)
    {
        double sum = 0;
        foreach (var period in deviations)
        {
            for (int t = lag; t < period.Length; t++)
            {
                sum += period[t] * period[t - lag];
            }
        }

        return sum / days;
    }
}
