using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PostureStream.Storage.Tests.Grafana;

/// <summary>
/// Fills in a raw InfluxQL query the way Grafana's InfluxDB (InfluxQL) data source does before it
/// sends it: <c>$timeFilter</c> → <c>time &gt;= {from}ms and time &lt;= {to}ms</c> for an absolute
/// range; <c>$__interval</c> → the interval text (<c>10s</c>); <c>$__interval_ms</c> → its
/// milliseconds; a template variable (<c>$name</c>, <c>${name}</c> or <c>[[name]]</c>) → its value
/// unchanged when the variable is neither multi-value nor has "All", otherwise regex-escaped, and
/// several values (or All) as <c>(a|b)</c>.
/// </summary>
internal static partial class GrafanaInterpolation
{
    public static string TimeFilter(DateTime fromUtc, DateTime toUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"time >= {UnixMs(fromUtc)}ms and time <= {UnixMs(toUtc)}ms");

    public static string Interpolate(string query, DateTime fromUtc, DateTime toUtc, TimeSpan interval, IReadOnlyDictionary<string, string> variables)
    {
        string result = query
            .Replace("$timeFilter", TimeFilter(fromUtc, toUtc), StringComparison.Ordinal)
            .Replace("$__interval_ms", ((long)interval.TotalMilliseconds).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("$__interval", IntervalText(interval), StringComparison.Ordinal);
        foreach (var (name, value) in variables)
        {
            result = Regex.Replace(result, $@"\$\{{{name}\}}|\[\[{name}\]\]|\${name}\b", _ => value);
        }

        return result;
    }

    /// <summary>The text Grafana puts for a multi-value or All variable: each value regex-escaped, several joined as (a|b).</summary>
    public static string RegexValue(IReadOnlyList<string> values) =>
        values.Count == 1 ? RegexEscape(values[0]) : "(" + string.Join("|", values.Select(RegexEscape)) + ")";

    /// <summary>Grafana's regex escape for InfluxQL: a backslash before each of \ ^ $ * + ? . ( ) | [ ] { } /.</summary>
    public static string RegexEscape(string value)
    {
        var escaped = new StringBuilder(value.Length + 8);
        foreach (char c in value)
        {
            if (@"\^$*+?.()|[]{}/".Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>True when a query still holds a variable reference (the regex anchor "$/" is not one).</summary>
    public static bool HasUnfilledVariable(string query) => UnfilledVariable().IsMatch(query);

    private static string IntervalText(TimeSpan interval) =>
        interval.TotalMinutes >= 1 && interval.TotalMinutes % 1 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{(long)interval.TotalMinutes}m")
            : string.Create(CultureInfo.InvariantCulture, $"{(long)interval.TotalSeconds}s");

    private static long UnixMs(DateTime utc) => (utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;

    [GeneratedRegex(@"\$[A-Za-z_{]|\[\[")]
    private static partial Regex UnfilledVariable();
}
