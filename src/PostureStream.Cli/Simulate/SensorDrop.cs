using System.Globalization;
using PostureStream.Simulation.WitMotion;

namespace PostureStream.Cli.Simulate;

/// <summary>
/// <c>--drop SEGMENT@START+DURATION</c>: one simulated sensor is unplugged (out of range: the host loses it and cannot
/// connect) from <see cref="Start"/> (time since the scenario started) for <see cref="Duration"/>, then comes back,
/// e.g. <c>pelvis@30s+10s</c>. Times are seconds, with an optional unit: <c>ms</c>, <c>s</c> or <c>m</c>.
/// </summary>
public sealed record SensorDrop(SensorPlacement Sensor, TimeSpan Start, TimeSpan Duration)
{
    public const string Format = "SEGMENT@START+DURATION, SEGMENT lumbar or pelvis, times in s (or ms, m), e.g. pelvis@30s+10s";

    public TimeSpan End => Start + Duration;

    public static bool TryParse(string text, out SensorDrop? drop)
    {
        drop = null;
        int at = text.IndexOf('@', StringComparison.Ordinal);
        int plus = text.IndexOf('+', StringComparison.Ordinal);
        if (at <= 0 || plus < at)
        {
            return false;
        }

        SensorPlacement? sensor = text[..at].ToLowerInvariant() switch
        {
            "lumbar" => SensorPlacement.Lumbar,
            "pelvis" => SensorPlacement.Pelvis,
            _ => null,
        };
        if (sensor is null || !TryParseTime(text[(at + 1)..plus], out TimeSpan start) || !TryParseTime(text[(plus + 1)..], out TimeSpan duration) || duration <= TimeSpan.Zero)
        {
            return false;
        }

        drop = new SensorDrop(sensor.Value, start, duration);
        return true;
    }

    private static bool TryParseTime(string text, out TimeSpan time)
    {
        time = default;
        (string number, double toSeconds) = text switch
        {
            _ when text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) => (text[..^2], 0.001),
            _ when text.EndsWith('s') => (text[..^1], 1.0),
            _ when text.EndsWith('m') => (text[..^1], 60.0),
            _ => (text, 1.0),
        };
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value) || value < 0 || value * toSeconds > TimeSpan.FromDays(1).TotalSeconds)
        {
            return false;
        }

        time = TimeSpan.FromSeconds(value * toSeconds);
        return true;
    }
}
