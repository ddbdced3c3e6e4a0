using System.Runtime.CompilerServices;

namespace PostureStream.Signals;

/// <summary>
/// Causal running median of the last 5 values of one channel (spike removal, Signals README, filters): a single-sample
/// spike never reaches the output. Until 5 values are in, the median of those there (the mean of the
/// middle two when even). A NaN input restarts the window and gives NaN. Flat state, no allocation.
/// </summary>
internal struct RunningMedian5
{
    public const int Length = 5;

    private Window values;
    private int count;
    private int next;

    public void Reset()
    {
        count = 0;
        next = 0;
    }

    public double Push(double x)
    {
        if (double.IsNaN(x))
        {
            Reset();
            return double.NaN;
        }

        values[next] = x;
        next = next == Length - 1 ? 0 : next + 1;
        if (count < Length)
        {
            count++;
        }

        return count == Length ? Median5(values[0], values[1], values[2], values[3], values[4]) : MedianOfFew();
    }

    /// <summary>The middle of five values by a 7-step compare-exchange network (no sorting, no branches).</summary>
    internal static double Median5(double a, double b, double c, double d, double e)
    {
        Order(ref a, ref b);
        Order(ref d, ref e);
        Order(ref a, ref d);
        Order(ref b, ref e);
        Order(ref b, ref c);
        Order(ref c, ref d);
        Order(ref b, ref c);
        return c;
    }

    // minsd/maxsd: branch-free, where a conditional costs a misprediction on noisy data. NaN never gets here.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Order(ref double low, ref double high)
    {
        double l = low, h = high;
        low = double.MinNative(l, h);
        high = double.MaxNative(l, h);
    }

    private readonly double MedianOfFew()
    {
        // The first four values of a segment: sort what is there (rare, so plain code).
        Span<double> sorted = stackalloc double[Length];
        for (int i = 0; i < count; i++)
        {
            double v = values[i];
            int j = i - 1;
            while (j >= 0 && sorted[j] > v)
            {
                sorted[j + 1] = sorted[j];
                j--;
            }

            sorted[j + 1] = v;
        }

        int mid = count >> 1;
        return (count & 1) == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) * 0.5;
    }

    [InlineArray(Length)]
    private struct Window
    {
        private double element;
    }
}
