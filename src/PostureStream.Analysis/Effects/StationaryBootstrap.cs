namespace PostureStream.Analysis;

/// <summary>
/// The stationary block bootstrap (Politis and Romano, 1994) of a mean over days: blocks of consecutive days with a
/// geometric length of mean <c>meanBlockLength</c>, wrapping round the end, so day-to-day autocorrelation (a good week,
/// a bad week) is kept inside each resample instead of being averaged away as if the days were independent.
/// </summary>
public static class StationaryBootstrap
{
    /// <summary>The default mean block length for <paramref name="days"/> days: the cube root of n, at least 1.</summary>
    public static double DefaultBlockLength(int days) => Math.Max(1.0, Math.Round(Math.Cbrt(days)));

    /// <summary>One resample's mean of <paramref name="values"/>, drawn with <paramref name="random"/>.</summary>
    public static double ResampleMean(IReadOnlyList<double> values, double meanBlockLength, Random random)
    {
        int n = values.Count;
        double restart = 1.0 / meanBlockLength;
        int index = random.Next(n);
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            if (i > 0)
            {
                index = random.NextDouble() < restart ? random.Next(n) : (index + 1) % n;
            }

            sum += values[index];
        }

        return sum / n;
    }
}
