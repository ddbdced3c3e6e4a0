using System.Globalization;

namespace PostureStream.Cli.Tests;

/// <summary>
/// One line of InfluxDB line protocol split the way InfluxDB splits it: <c>measurement[,tags] fields timestamp</c>,
/// spaces and commas escaped with a backslash, string field values in double quotes.
/// </summary>
public sealed record LineProtocolLine(string Measurement, string Tags, string Fields, long UnixNanoseconds)
{
    /// <summary>Parses a line, or returns null when it is not <c>series fields timestamp</c> with an integer timestamp.</summary>
    public static LineProtocolLine? TryParse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        List<string> parts = SplitUnescaped(line, ' ');
        if (parts.Count != 3 || parts[1].Length == 0 || !parts[1].Contains('=', StringComparison.Ordinal)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out long time))
        {
            return null;
        }

        List<string> series = SplitUnescaped(parts[0], ',');
        string measurement = series[0];
        return measurement.Length == 0 ? null : new LineProtocolLine(measurement, string.Join(',', series.Skip(1)), parts[1], time);
    }

    private static List<string> SplitUnescaped(string text, char separator)
    {
        var parts = new List<string>();
        int start = 0;
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\\')
            {
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == separator && !quoted)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }
}
