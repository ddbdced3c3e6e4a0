using PostureStream.Storage.Trends;

namespace PostureStream.Dashboard.Charts;

/// <summary>Bucket boundaries in a zone's calendar: day, week (Monday first) and month follow local midnight.</summary>
internal static class BucketCalendar
{
    /// <summary>The start (UTC) of the bucket that holds <paramref name="utc"/>.</summary>
    public static DateTime Floor(DateTime utc, TrendGrain grain, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
        return grain switch
        {
            TrendGrain.Minute => Truncate(utc, TimeSpan.FromMinutes(1)),
            TrendGrain.Hour => Truncate(utc, TimeSpan.FromHours(1)),
            TrendGrain.Day => ToUtc(local.Date, zone),
            TrendGrain.Week => ToUtc(local.Date.AddDays(-DaysSinceMonday(local.DayOfWeek)), zone),
            TrendGrain.Month => ToUtc(new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified), zone),
            _ => throw new ArgumentOutOfRangeException(nameof(grain), grain, "unknown grain"),
        };
    }

    /// <summary>The start (UTC) of the bucket after the one starting at <paramref name="startUtc"/>.</summary>
    public static DateTime Next(DateTime startUtc, TrendGrain grain, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(startUtc, zone);
        return grain switch
        {
            TrendGrain.Minute => startUtc.AddMinutes(1),
            TrendGrain.Hour => startUtc.AddHours(1),
            TrendGrain.Day => ToUtc(local.Date.AddDays(1), zone),
            TrendGrain.Week => ToUtc(local.Date.AddDays(7), zone),
            TrendGrain.Month => ToUtc(new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(1), zone),
            _ => throw new ArgumentOutOfRangeException(nameof(grain), grain, "unknown grain"),
        };
    }

    /// <summary>A local wall-clock time as UTC; a time skipped by a DST change moves past the gap.</summary>
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
    }

    private static int DaysSinceMonday(DayOfWeek day) => ((int)day + 6) % 7;

    private static DateTime Truncate(DateTime utc, TimeSpan unit) =>
        new(utc.Ticks - (utc.Ticks % unit.Ticks), DateTimeKind.Utc);
}
