using System.Globalization;
using System.Text.RegularExpressions;

namespace PostureStream.Cli.Programmes;

/// <summary>A session's length as people write it: <c>20m</c>, <c>1h30m</c>, <c>90s</c>, <c>1h</c>, or a bare number of minutes (<c>20</c>).</summary>
internal static partial class DurationText
{
    public const string Forms = "20m, 1h30m, 90s or a number of minutes such as 20";

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        string trimmed = text.Trim();
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out double minutes))
        {
            duration = double.IsFinite(minutes) && minutes is > 0 and < 100_000 ? TimeSpan.FromMinutes(minutes) : TimeSpan.Zero;
            return duration > TimeSpan.Zero;
        }

        var match = Parts().Match(trimmed);
        if (!match.Success || match.Length == 0)
        {
            return false;
        }

        duration = TimeSpan.FromHours(Number(match.Groups["h"])) + TimeSpan.FromMinutes(Number(match.Groups["m"])) + TimeSpan.FromSeconds(Number(match.Groups["s"]));
        return duration > TimeSpan.Zero;
    }

    private static int Number(Group group) => group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^(?:(?<h>\d{1,2})h)?(?:(?<m>\d{1,4})m)?(?:(?<s>\d{1,5})s)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Parts();
}
