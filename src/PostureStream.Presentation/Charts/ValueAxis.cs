namespace PostureStream.Presentation.Charts;

/// <summary>Maps values onto the plot's y extent (up is larger), with about five round ticks.</summary>
internal sealed class ValueAxis
{
    private readonly double top;
    private readonly double height;

    public ValueAxis(double min, double max, double top, double height)
    {
        if (!(max > min))
        {
            (min, max) = (min - 1, max + 1);
        }

        Step = NiceStep((max - min) / 5);
        Min = Math.Floor(min / Step) * Step;
        Max = Math.Ceiling(max / Step) * Step;
        this.top = top;
        this.height = height;
    }

    public double Min { get; }

    public double Max { get; }

    public double Step { get; }

    public double Y(double value) => top + (height * (Max - value) / (Max - Min));

    public IEnumerable<double> Ticks()
    {
        for (var v = Min; v <= Max + (Step / 2); v += Step)
        {
            yield return Math.Round(v / Step) * Step;
        }
    }

    private static double NiceStep(double rough)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / magnitude;
        return magnitude * (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10);
    }
}
