using System.Globalization;

namespace PostureStream.Devices.Sources;

/// <summary>
/// How fast a finite source feeds its bytes: as fast as possible (<c>max</c>), at device time
/// (<c>realtime</c>, factor 1) or N times device time. Only pacing changes; nothing downstream looks at it.
/// </summary>
public readonly record struct ReplaySpeed
{
    private ReplaySpeed(double factor) => Factor = factor;

    /// <summary>Device seconds per wall second; <see cref="double.PositiveInfinity"/> for max.</summary>
    public double Factor { get; }

    public bool IsMax => double.IsPositiveInfinity(Factor);

    public static ReplaySpeed Max { get; } = new(double.PositiveInfinity);

    public static ReplaySpeed Realtime { get; } = new(1);

    public static ReplaySpeed Times(double factor) =>
        double.IsFinite(factor) && factor > 0 ? new ReplaySpeed(factor) : throw new ArgumentOutOfRangeException(nameof(factor), factor, "a speed factor is a positive number");

    /// <summary>Parses <c>max</c>, <c>realtime</c> or a positive number such as <c>10</c> or <c>0.5</c>.</summary>
    public static bool TryParse(string text, out ReplaySpeed speed)
    {
        speed = Max;
        switch (text.ToLowerInvariant())
        {
            case "max":
                return true;
            case "realtime":
                speed = Realtime;
                return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double factor) && double.IsFinite(factor) && factor > 0)
        {
            speed = new ReplaySpeed(factor);
            return true;
        }

        return false;
    }

    public override string ToString() => IsMax ? "max" : Factor == 1 ? "realtime" : Factor.ToString(CultureInfo.InvariantCulture);
}
