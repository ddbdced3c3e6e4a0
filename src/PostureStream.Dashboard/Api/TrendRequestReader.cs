using System.Globalization;
using Microsoft.AspNetCore.Http;
using PostureStream.Presentation.Charts;
using PostureStream.Storage.Trends;

namespace PostureStream.Dashboard.Api;

/// <summary>
/// Reads and checks the query parameters of the trend endpoints: device, from, to, grain and the
/// chart's own choices. Every refusal names the value and what would be valid.
/// </summary>
internal sealed class TrendRequestReader(IQueryCollection query, TimeZoneInfo zone)
{
    /// <summary>Hourly buckets over longer ranges would be too many bars to read.</summary>
    public static readonly TimeSpan MaxHourlySpan = TimeSpan.FromDays(62);

    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(3660);

    private static readonly string[] LocalFormats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];
    private static readonly string[] OffsetFormats = ["yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    /// <summary>Refuses parameters the endpoint does not know (a typo would otherwise be ignored silently).</summary>
    public void AllowOnly(params string[] names)
    {
        foreach (var key in query.Keys)
        {
            if (!names.Contains(key, StringComparer.Ordinal))
            {
                throw new BadQueryException($"unknown parameter '{key}'; this endpoint takes: {string.Join(", ", names)}");
            }
        }
    }

    /// <summary>The device id (16 hex digits, one that has data), or null for all devices.</summary>
    public string? Device(IReadOnlyList<DeviceInfo> known)
    {
        var value = query["device"].ToString();
        if (value.Length == 0 || value == "all")
        {
            return null;
        }

        var match = known.FirstOrDefault(d => string.Equals(d.DeviceId, value, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            var names = known.Count == 0 ? "none has data yet" : string.Join(", ", known.Select(d => $"{d.DeviceId} ({d.Name})"));
            throw new BadQueryException($"device '{value}' is not known; give the device_id of one of: {names}, or 'all'");
        }

        return match.DeviceId;
    }

    public TrendQuery Range(string? deviceId)
    {
        var from = Time("from");
        var to = Time("to");
        if (from >= to)
        {
            throw new BadQueryException($"from '{query["from"]}' must be before to '{query["to"]}'");
        }

        if (to - from > MaxSpan)
        {
            throw new BadQueryException($"the range from '{query["from"]}' to '{query["to"]}' is longer than {MaxSpan.TotalDays:0} days; choose a shorter one");
        }

        return new TrendQuery(from, to, deviceId, zone);
    }

    public TrendGrain Grain(TrendQuery range, TrendGrain fallback, params TrendGrain[] valid)
    {
        var value = query["grain"].ToString();
        var grain = fallback;
        if (value.Length > 0 && !TryGrain(value, valid, out grain))
        {
            throw new BadQueryException($"grain '{value}' is not valid here; valid: {string.Join(", ", valid.Select(g => g.ToString().ToLowerInvariant()))}");
        }

        if (grain == TrendGrain.Hour && range.ToUtc - range.FromUtc > MaxHourlySpan)
        {
            throw new BadQueryException(
                $"grain 'hour' covers at most {MaxHourlySpan.TotalDays:0} days and this range is {(range.ToUtc - range.FromUtc).TotalDays:0.#} days; choose grain 'day' or a shorter range");
        }

        return grain;
    }

    public AngleMetric Metric()
    {
        var value = query["metric"].ToString();
        if (value.Length == 0)
        {
            return AngleMetric.PelvicTilt;
        }

        return AngleMetric.All.FirstOrDefault(m => m.Key == value)
            ?? throw new BadQueryException($"metric '{value}' is not valid; valid: {string.Join(", ", AngleMetric.All.Select(m => m.Key))}");
    }

    /// <summary>"state" (neutral, flattened, ...) or "activity" (standing, sitting, ...).</summary>
    public string By()
    {
        var value = query["by"].ToString();
        return value switch
        {
            "" or "state" => "state",
            "activity" => "activity",
            _ => throw new BadQueryException($"by '{value}' is not valid; valid: state, activity"),
        };
    }

    private DateTime Time(string name)
    {
        var value = query[name].ToString();
        if (value.Length == 0)
        {
            throw new BadQueryException($"{name} is missing; give a date yyyy-MM-dd (midnight in {zone.Id}) or an ISO 8601 time with an offset such as 2026-11-01T00:00:00Z");
        }

        if (DateTime.TryParseExact(value, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return TrendCalendar.LocalToUtc(local, zone);
        }

        if (DateTimeOffset.TryParseExact(value, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            return withOffset.UtcDateTime;
        }

        throw new BadQueryException(
            $"{name} '{value}' is not a time; give a date yyyy-MM-dd (midnight in {zone.Id}) or an ISO 8601 time with an offset such as 2026-11-01T00:00:00Z");
    }

    private static bool TryGrain(string value, TrendGrain[] valid, out TrendGrain grain)
    {
        grain = valid.FirstOrDefault(g => string.Equals(g.ToString(), value, StringComparison.OrdinalIgnoreCase));
        return valid.Any(g => string.Equals(g.ToString(), value, StringComparison.OrdinalIgnoreCase));
    }
}
