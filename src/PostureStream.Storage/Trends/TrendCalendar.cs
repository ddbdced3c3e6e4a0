namespace PostureStream.Storage.Trends;

/// <summary>
/// Where a trend bucket starts, in UTC, for a time zone's local calendar. Minute and hour buckets
/// follow the local clock but stay distinct through a DST fall-back (the repeated hour is two
/// buckets); day, week (Monday first) and month start at local midnight (the first instant of the
/// day when midnight is skipped by DST).
/// </summary>
public static class TrendCalendar
{
    /// <summary>
    /// Store-side buckets are this wide (or one minute for minute grain): every zone's offset is a
    /// multiple of 15 minutes, so each lies inside one local hour, day, week and month.
    /// </summary>
    public static readonly TimeSpan FineBucket = TimeSpan.FromMinutes(15);

    /// <summary>The width of the buckets the stores aggregate into for <paramref name="grain"/>.</summary>
    public static TimeSpan FineWidth(TrendGrain grain) => grain == TrendGrain.Minute ? TimeSpan.FromMinutes(1) : FineBucket;

    public static DateTime BucketStartUtc(DateTime timeUtc, TimeZoneInfo zone, TrendGrain grain)
    {
        ArgumentNullException.ThrowIfNull(zone);
        timeUtc = DateTime.SpecifyKind(timeUtc, DateTimeKind.Utc);
        var offset = zone.GetUtcOffset(timeUtc);
        var local = new DateTime(timeUtc.Ticks + offset.Ticks, DateTimeKind.Unspecified);
        switch (grain)
        {
            case TrendGrain.Minute:
                return new DateTime(Truncate(local, TimeSpan.TicksPerMinute).Ticks - offset.Ticks, DateTimeKind.Utc);
            case TrendGrain.Hour:
                return new DateTime(Truncate(local, TimeSpan.TicksPerHour).Ticks - offset.Ticks, DateTimeKind.Utc);
            case TrendGrain.Day:
                return LocalStartToUtc(local.Date, zone);
            case TrendGrain.Week:
                int sinceMonday = ((int)local.DayOfWeek + 6) % 7;
                return LocalStartToUtc(local.Date.AddDays(-sinceMonday), zone);
            case TrendGrain.Month:
                return LocalStartToUtc(new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified), zone);
            default:
                throw new ArgumentOutOfRangeException(nameof(grain), grain, "not a trend grain");
        }
    }

    /// <summary>The first UTC instant whose local time is at or after <paramref name="local"/>.</summary>
    private static DateTime LocalStartToUtc(DateTime local, TimeZoneInfo zone)
    {
        while (zone.IsInvalidTime(local))
        {
            // A skipped local time (spring forward): the day starts at the first valid minute.
            local = local.AddMinutes(15);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTime(local.Ticks - offset.Ticks, DateTimeKind.Utc);
    }

    private static DateTime Truncate(DateTime time, long unitTicks) => new(time.Ticks - (time.Ticks % unitTicks), time.Kind);
}
