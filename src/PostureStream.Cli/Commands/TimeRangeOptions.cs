using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using PostureStream.Storage.Trends;

namespace PostureStream.Cli.Commands;

/// <summary>
/// <c>--from</c>, <c>--to</c> and <c>--tz</c> of every command that reads a time range (<c>report</c>,
/// <c>export</c>), and the one rule that reads them: a date alone is midnight in <c>--tz</c>, a date and time
/// without an offset is a wall-clock time in <c>--tz</c>, a time with <c>Z</c> or an offset is that instant;
/// <c>--tz</c> defaults to this machine's zone. The range is half-open, [from, to). A date is the start of that
/// day in the one calendar (<see cref="TrendCalendar"/>), so a day whose midnight a DST change skips starts when
/// its clocks do; a wall-clock time the clocks skip is refused.
/// </summary>
internal sealed class TimeRangeOptions
{
    /// <summary>Stored times are nanoseconds since 1970 in 64 bits; a range is clamped to what they can hold.</summary>
    public static readonly DateTime EarliestStorable = new(1677, 9, 22, 0, 0, 0, DateTimeKind.Utc);

    /// <inheritdoc cref="EarliestStorable"/>
    public static readonly DateTime LatestStorable = new(2262, 4, 11, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The wall-clock forms taken in <c>--tz</c> (a date alone is read separately, as the start of that day).</summary>
    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm",
        "yyyy-MM-dd HH:mm:ss",
    ];

    public TimeRangeOptions(string zoneAlsoFor)
    {
        Zone = new Option<string?>("--tz") { Description = $"IANA time zone of --from and --to without an offset{zoneAlsoFor} (default: this machine's zone)" };
    }

    public Option<string> From { get; } = new("--from")
    {
        Description = "start of the range, inclusive: yyyy-MM-dd (midnight in --tz), yyyy-MM-ddTHH:mm[:ss] (in --tz), or ISO 8601 with Z or an offset",
        Required = true,
    };

    public Option<string> To { get; } = new("--to")
    {
        Description = "end of the range, exclusive, in the same forms (--from 2026-11-16 --to 2026-11-23 is one week)",
        Required = true,
    };

    public Option<string?> Zone { get; }

    /// <summary>Reads a range by the rule above; the error names the bad value and what would be valid.</summary>
    public static bool TryParse(
        string from, string to, string? zoneId, TimeZoneInfo defaultZone, out TimeRange range, [NotNullWhen(false)] out string? error)
    {
        range = default;
        if (!TryParseZone(zoneId, defaultZone, out TimeZoneInfo? zone, out error)
            || !TryParseTime("--from", from, zone, out DateTime fromUtc, out error)
            || !TryParseTime("--to", to, zone, out DateTime toUtc, out error))
        {
            return false;
        }

        if (toUtc <= fromUtc)
        {
            error = $"--to '{to}' must be after --from '{from}' (the range is [from, to): --from 2026-11-16 --to 2026-11-23 is one week)";
            return false;
        }

        range = new TimeRange(Clamp(fromUtc), Clamp(toUtc), zone);
        return true;
    }

    /// <summary>The zone named by an IANA (or Windows) id; null or blank takes <paramref name="fallback"/>.</summary>
    internal static bool TryParseZone(string? id, TimeZoneInfo fallback, [NotNullWhen(true)] out TimeZoneInfo? zone, [NotNullWhen(false)] out string? error)
    {
        error = null;
        zone = fallback;
        if (string.IsNullOrWhiteSpace(id))
        {
            return true;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            zone = null;
            error = $"--tz: unknown time zone '{id}' (give an IANA zone name such as Europe/Berlin, America/New_York or UTC)";
            return false;
        }
    }

    /// <summary>One point in time, as UTC, by the rule above.</summary>
    internal static bool TryParseTime(string option, string text, TimeZoneInfo zone, out DateTime utc, [NotNullWhen(false)] out string? error)
    {
        utc = default;
        error = null;
        string trimmed = text.Trim();
        if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day))
        {
            utc = TrendCalendar.DayStartUtc(day, zone);
            return true;
        }

        if (DateTime.TryParseExact(trimmed, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime local))
        {
            var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
            if (zone.IsInvalidTime(unspecified))
            {
                error = $"{option}: '{text}' does not exist in {zone.Id} (the clocks skip it); give a time outside the daylight-saving change";
                return false;
            }

            utc = TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
            return true;
        }

        bool hasOffset = trimmed.EndsWith('Z') || trimmed.EndsWith('z') || (trimmed.Length > 10 && (trimmed.LastIndexOf('+') > 10 || trimmed.LastIndexOf('-') > 10));
        if (hasOffset && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset instant))
        {
            utc = instant.UtcDateTime;
            return true;
        }

        error = $"{option}: '{text}' is not a date or time (give yyyy-MM-dd for a day in the --tz zone, yyyy-MM-ddTHH:mm[:ss] for a local time, or an ISO 8601 time with Z or an offset such as 2026-11-16T08:00:00+01:00)";
        return false;
    }

    private static DateTime Clamp(DateTime utc) => utc < EarliestStorable ? EarliestStorable : utc > LatestStorable ? LatestStorable : utc;
}

/// <summary>A half-open UTC range and the zone its dates were read in (and calendar days are counted in).</summary>
internal readonly record struct TimeRange(DateTime FromUtc, DateTime ToUtc, TimeZoneInfo Zone);
