using System.Globalization;

namespace PostureStream.Simulation.Device;

/// <summary>How fast the simulated wearer lives: a factor over real time (1 = real time), or as fast as possible.</summary>
public readonly record struct SimulationSpeed
{
    private SimulationSpeed(double factor) => Factor = factor;

    public static SimulationSpeed RealTime { get; } = new(1);

    public static SimulationSpeed Max { get; } = new(double.PositiveInfinity);

    /// <summary>Scenario seconds per real second; infinite for <see cref="Max"/>.</summary>
    public double Factor { get; }

    public bool IsMax => double.IsPositiveInfinity(Factor);

    public static SimulationSpeed Of(double factor) =>
        factor > 0 && !double.IsNaN(factor) ? new(factor) : throw new ArgumentOutOfRangeException(nameof(factor), factor, "speed must be positive");

    /// <summary>Parses <c>max</c>, <c>realtime</c> or a positive number.</summary>
    public static bool TryParse(string? text, out SimulationSpeed speed)
    {
        speed = RealTime;
        if (string.Equals(text, "max", StringComparison.OrdinalIgnoreCase))
        {
            speed = Max;
            return true;
        }

        if (string.Equals(text, "realtime", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double factor) && factor > 0 && !double.IsInfinity(factor))
        {
            speed = new(factor);
            return true;
        }

        return false;
    }

    public override string ToString() => IsMax ? "max" : Factor.ToString(CultureInfo.InvariantCulture);
}
