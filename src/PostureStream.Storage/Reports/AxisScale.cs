namespace PostureStream.Storage.Reports;

/// <summary>A value axis with round tick steps (1, 2, 2.5 or 5 × 10ⁿ) covering [min, max].</summary>
internal readonly record struct AxisScale(double Min, double Max, double Step)
{
    public static AxisScale Covering(double min, double max, int targetTicks = 4)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            return new AxisScale(0, 1, 0.25);
        }

        if (max - min < 1e-9)
        {
            min -= 1;
            max += 1;
        }

        double rough = (max - min) / targetTicks;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        double step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(s => s >= rough);
        return new AxisScale(Math.Floor(min / step) * step, Math.Ceiling(max / step) * step, step);
    }

    public IEnumerable<double> Ticks()
    {
        int count = (int)Math.Round((Max - Min) / Step);
        for (int i = 0; i <= count; i++)
        {
            yield return Min + (i * Step);
        }
    }

    /// <summary>Maps a value to a pixel row, <paramref name="bottom"/> at Min and <paramref name="top"/> at Max.</summary>
    public double ToPixel(double value, double top, double bottom) => bottom - ((value - Min) / (Max - Min) * (bottom - top));
}
