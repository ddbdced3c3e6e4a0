using PostureStream.Simulation.Scenarios;

namespace PostureStream.Simulation.Device;

/// <summary>A LiPo cell draining at a steady rate, and the skin-warmed temperature of the device.</summary>
internal sealed class BatteryModel(DeviceProfile profile)
{
    // Open-circuit voltage of a single LiPo cell by state of charge (typical curve, piecewise linear).
    private static readonly (double Percent, double Millivolts)[] Curve =
    [
        (0, 3300), (5, 3550), (10, 3650), (20, 3730), (50, 3830), (80, 3990), (90, 4080), (100, 4180),
    ];

    public double PercentAt(double trueSeconds) => Math.Max(0, profile.BatteryStartPercent - (profile.BatteryDrainPercentPerHour * trueSeconds / 3600));

    public ushort MillivoltsAt(double trueSeconds)
    {
        double pct = PercentAt(trueSeconds);
        for (int i = 1; i < Curve.Length; i++)
        {
            if (pct <= Curve[i].Percent)
            {
                var (p0, v0) = Curve[i - 1];
                var (p1, v1) = Curve[i];
                return (ushort)Math.Round(v0 + ((v1 - v0) * (pct - p0) / (p1 - p0)));
            }
        }

        return (ushort)Curve[^1].Millivolts;
    }

    /// <summary>Warms from 29 °C toward 33 °C on the skin over the first ten minutes, centi-degrees.</summary>
    public static short TemperatureCentiCelsiusAt(double trueSeconds) =>
        (short)Math.Round(100 * (33 - (4 * Math.Exp(-trueSeconds / 600))));
}
