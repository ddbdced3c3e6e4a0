using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using PostureStream.Storage.Reports;

namespace PostureStream.Cli.Commands;

/// <summary>
/// <c>--from</c>, <c>--to</c> and <c>--tz</c> of every command that reads a time range (<c>report</c>,
/// <c>export</c>), and the one rule that reads them: a date alone is midnight in <c>--tz</c>, a date and time
/// without an offset is a wall-clock time in <c>--tz</c>, a time with <c>Z</c> or an offset is that instant;
/// <c>--tz</c> defaults to this machine's zone. The range is half-open, [from, to).
/// </summary>
internal sealed class TimeRangeOptions
{
    /// <summary>Stored times are nanoseconds since 1970 in 64 bits; a range is clamped to what they can hold.</summary>
    public static readonly DateTime EarliestStorable = new(1677, 9, 22, 0, 0, 0, DateTimeKind.Utc);

    /// <inheritdoc cref="EarliestStorable"/>
    public static readonly DateTime LatestStorable = new(2262, 4, 11, 0, 0, 0, DateTimeKind.Utc);

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
        if (!ReportRangeParser.TryParseZone(zoneId, defaultZone, out TimeZoneInfo? zone, out error)
            || !ReportRangeParser.TryParseTime("--from", from, zone, out DateTime fromUtc, out error)
            || !ReportRangeParser.TryParseTime("--to", to, zone, out DateTime toUtc, out error))
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

    private static DateTime Clamp(DateTime utc) => utc < EarliestStorable ? EarliestStorable : utc > LatestStorable ? LatestStorable : utc;
}

/// <summary>A half-open UTC range and the zone its dates were read in (and calendar days are counted in).</summary>
internal readonly record struct TimeRange(DateTime FromUtc, DateTime ToUtc, TimeZoneInfo Zone);
