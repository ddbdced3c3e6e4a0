using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace PostureStream.Storage.Reports;

/// <summary>
/// Reads the <c>--from</c>, <c>--to</c> and <c>--tz</c> values of <c>posturestream report</c>.
/// A date (<c>2026-11-16</c>) is that day's local midnight in the zone; a local date-time
/// (<c>2026-11-16T08:00</c>) is taken in the zone; a date-time with <c>Z</c> or an offset is that
/// instant. The range is half-open: <c>--to 2026-11-23</c> ends just before that day starts.
/// Errors name the bad value and what would be valid.
/// </summary>
public static class ReportRangeParser
{
    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm",
        "yyyy-MM-dd HH:mm:ss",
    ];

    /// <summary>The zone named by an IANA (or Windows) id; null takes <paramref name="fallback"/>.</summary>
    public static bool TryParseZone(string? id, TimeZoneInfo fallback, [NotNullWhen(true)] out TimeZoneInfo? zone, [NotNullWhen(false)] out string? error)
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

    /// <summary>One point in time, as UTC.</summary>
    public static bool TryParseTime(string option, string text, TimeZoneInfo zone, out DateTime utc, [NotNullWhen(false)] out string? error)
    {
        utc = default;
        error = null;
        string trimmed = text.Trim();
        if (DateTime.TryParseExact(trimmed, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
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
        if (hasOffset && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            utc = instant.UtcDateTime;
            return true;
        }

        error = $"{option}: '{text}' is not a date or time (give yyyy-MM-dd for a day in the --tz zone, yyyy-MM-ddTHH:mm[:ss] for a local time, or an ISO 8601 time with Z or an offset such as 2026-11-16T08:00:00+01:00)";
        return false;
    }

    /// <summary>The whole request, or the first error.</summary>
    public static bool TryParse(string from, string to, string? zoneId, TimeZoneInfo defaultZone, string? deviceId, [NotNullWhen(true)] out ReportRequest? request, [NotNullWhen(false)] out string? error)
    {
        request = null;
        if (!TryParseZone(zoneId, defaultZone, out var zone, out error)
            || !TryParseTime("--from", from, zone, out var fromUtc, out error)
            || !TryParseTime("--to", to, zone, out var toUtc, out error))
        {
            return false;
        }

        if (toUtc <= fromUtc)
        {
            error = $"--to '{to}' must be after --from '{from}' (the range is [from, to): --from 2026-11-16 --to 2026-11-23 is one week)";
            return false;
        }

        if (toUtc - fromUtc > TimeSpan.FromDays(366))
        {
            error = $"the range --from '{from}' --to '{to}' is longer than 366 days; give at most a year per report";
            return false;
        }

        if (deviceId is not null && !DeviceSelector.IsDeviceId(deviceId))
        {
            error = $"--device: '{deviceId}' is not a device id (give the 16 hex digits of device_id, e.g. 0123456789abcdef; names are resolved by DeviceSelector)";
            return false;
        }

        request = new ReportRequest(fromUtc, toUtc, zone, deviceId?.ToLowerInvariant());
        return true;
    }
}
