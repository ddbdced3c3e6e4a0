namespace PostureStream.Storage.Trends;

/// <summary>
/// The one calendar of trend buckets, used by both stores' queries, the dashboard, the reports and
/// the command line: where a bucket starts and ends, in UTC, for a time zone's local calendar.
/// Minute and hour buckets follow the local clock but stay distinct through a DST fall-back (the
/// repeated hour is two buckets); day, week (Monday first) and month start at local midnight, or at
/// the first instant of the day when DST skips midnight. So a local day lasts 23 or 25 hours on the
/// days the clocks change.
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

    /// <summary>The start (UTC) of the bucket that holds <paramref name="timeUtc"/>.</summary>
    public static DateTime BucketStartUtc(DateTime timeUtc, TimeZoneInfo zone, TrendGrain grain)
    {
        ArgumentNullException.ThrowIfNull(zone);
        timeUtc = DateTime.SpecifyKind(timeUtc, DateTimeKind.Utc);
        var offset = zone.GetUtcOffset(timeUtc);
        var local = new DateTime(timeUtc.Ticks + offset.Ticks, DateTimeKind.Unspecified);
        return grain switch
        {
            TrendGrain.Minute => new DateTime(Truncate(local, TimeSpan.TicksPerMinute).Ticks - offset.Ticks, DateTimeKind.Utc),
            TrendGrain.Hour => new DateTime(Truncate(local, TimeSpan.TicksPerHour).Ticks - offset.Ticks, DateTimeKind.Utc),
            TrendGrain.Day => LocalToUtc(local.Date, zone),
            TrendGrain.Week => DayStartUtc(WeekStart(DateOnly.FromDateTime(local)), zone),
            TrendGrain.Month => LocalToUtc(new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified), zone),
            _ => throw new ArgumentOutOfRangeException(nameof(grain), grain, "not a trend grain"),
        };
    }

    /// <summary>The start (UTC) of the bucket after the one starting at <paramref name="startUtc"/>.</summary>
    public static DateTime NextBucketStartUtc(DateTime startUtc, TimeZoneInfo zone, TrendGrain grain)
    {
        ArgumentNullException.ThrowIfNull(zone);
        startUtc = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc);
        var localDate = LocalDate(startUtc, zone).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return grain switch
        {
            // Local minutes and hours are as long as UTC ones (offsets change by whole quarter hours).
            TrendGrain.Minute => startUtc.AddMinutes(1),
            TrendGrain.Hour => startUtc.AddHours(1),
            TrendGrain.Day => LocalToUtc(localDate.AddDays(1), zone),
            TrendGrain.Week => LocalToUtc(localDate.AddDays(7), zone),
            TrendGrain.Month => LocalToUtc(new DateTime(localDate.Year, localDate.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(1), zone),
            _ => throw new ArgumentOutOfRangeException(nameof(grain), grain, "not a trend grain"),
        };
    }

    /// <summary>The local calendar day of <paramref name="timeUtc"/> in <paramref name="zone"/>.</summary>
    public static DateOnly LocalDate(DateTime timeUtc, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(timeUtc, DateTimeKind.Utc), zone));
    }

    /// <summary>The first instant (UTC) of the local day <paramref name="date"/>: its midnight, or the end of a DST gap that skips it.</summary>
    public static DateTime DayStartUtc(DateOnly date, TimeZoneInfo zone) =>
        LocalToUtc(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone);

    /// <summary>The local days that the half-open range [<paramref name="fromUtc"/>, <paramref name="toUtc"/>) touches, first to last.</summary>
    public static IEnumerable<DateOnly> DaysOf(DateTime fromUtc, DateTime toUtc, TimeZoneInfo zone)
    {
        if (toUtc <= fromUtc)
        {
            yield break;
        }

        var last = LocalDate(toUtc.AddTicks(-1), zone);
        for (var day = LocalDate(fromUtc, zone); day <= last; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    /// <summary>
    /// The first UTC instant whose local time is at or after <paramref name="local"/>: a wall-clock
    /// time skipped by a spring-forward moves to the end of the gap, and one repeated by a fall-back
    /// is its first occurrence.
    /// </summary>
    public static DateTime LocalToUtc(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Transitions fall on quarter hours: from the quarter hour inside the gap, 15-minute steps land exactly on its end.
            local = Truncate(local, FineBucket.Ticks);
            while (zone.IsInvalidTime(local))
            {
                local = local.AddMinutes(15);
            }
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        // The first and last days of the calendar may lie partly outside what DateTime holds: clamp, as ConvertTimeToUtc does.
        return new DateTime(Math.Clamp(local.Ticks - offset.Ticks, DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), DateTimeKind.Utc);
    }

    /// <summary>The Monday that starts the week of <paramref name="date"/> (weeks run Monday to Sunday).</summary>
    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private static DateTime Truncate(DateTime time, long unitTicks) => new(time.Ticks - (time.Ticks % unitTicks), time.Kind);
}
