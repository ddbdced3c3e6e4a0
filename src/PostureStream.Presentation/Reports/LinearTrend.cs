using System.Globalization;

namespace PostureStream.Presentation.Reports;

/// <summary>A least-squares line y = <see cref="Intercept"/> + <see cref="SlopePerDay"/>·x over points (x in days).</summary>
public readonly record struct LinearTrend(double SlopePerDay, double Intercept, int Points)
{
    /// <summary>Below this many degrees per week a trend is called steady.</summary>
    public const double SteadyDegreesPerWeek = 0.05;

    public double SlopePerWeek => SlopePerDay * 7;

    public double ValueAt(double x) => Intercept + (SlopePerDay * x);

    /// <summary>The least-squares fit, or null with fewer than two points or all x equal.</summary>
    public static LinearTrend? Fit(IReadOnlyList<(double X, double Y)> points)
    {
        if (points.Count < 2)
        {
            return null;
        }

        double meanX = points.Average(p => p.X);
        double meanY = points.Average(p => p.Y);
        double sxx = 0;
        double sxy = 0;
        foreach (var (x, y) in points)
        {
            sxx += (x - meanX) * (x - meanX);
            sxy += (x - meanX) * (y - meanY);
        }

        if (sxx == 0)
        {
            return null;
        }

        double slope = sxy / sxx;
        return new LinearTrend(slope, meanY - (slope * meanX), points.Count);
    }

    /// <summary>The slope in words, e.g. "pelvic tilt fell 0.3° per week".</summary>
    public string Describe(string quantity)
    {
        double perWeek = SlopePerWeek;
        if (Math.Abs(perWeek) < SteadyDegreesPerWeek)
        {
            return $"{quantity} held steady (less than {SteadyDegreesPerWeek.ToString("0.00", CultureInfo.InvariantCulture)}° per week)";
        }

        string verb = perWeek > 0 ? "rose" : "fell";
        return $"{quantity} {verb} {Math.Abs(perWeek).ToString("0.0#", CultureInfo.InvariantCulture)}° per week";
    }
}
