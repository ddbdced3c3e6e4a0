using PostureStream.Storage.Trends;

namespace PostureStream.Storage.Tests.Trends;

/// <summary>
/// The one calendar across daylight-saving changes: Berlin springs forward on Sun 29 Mar 2026 (a 23-hour
/// day) and falls back on Sun 25 Oct 2026 (a 25-hour day); Kolkata (UTC+05:30) has no DST at all.
/// </summary>
public sealed class TrendCalendarDstTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo Kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void Day_WhenSummerTimeStarts_Lasts23Hours()
    {
        var start = TrendCalendar.BucketStartUtc(Utc(3, 29, 12), Berlin, TrendGrain.Day);

        Assert.Equal(Utc(3, 28, 23), start); // local midnight, still UTC+1
        var next = TrendCalendar.NextBucketStartUtc(start, Berlin, TrendGrain.Day);
        Assert.Equal(Utc(3, 29, 22), next); // next midnight, UTC+2
        Assert.Equal(TimeSpan.FromHours(23), next - start);
    }

    [Fact]
    public void Day_WhenSummerTimeEnds_Lasts25Hours()
    {
        var start = TrendCalendar.BucketStartUtc(Utc(10, 25, 12), Berlin, TrendGrain.Day);

        Assert.Equal(Utc(10, 24, 22), start); // local midnight, still UTC+2
        var next = TrendCalendar.NextBucketStartUtc(start, Berlin, TrendGrain.Day);
        Assert.Equal(Utc(10, 25, 23), next); // next midnight, UTC+1
        Assert.Equal(TimeSpan.FromHours(25), next - start);
    }

    [Fact]
    public void DayBuckets_AcrossBothChanges_TileTheYearWithoutGapOrOverlap()
    {
        var first = TrendCalendar.DayStartUtc(new DateOnly(2026, 3, 1), Berlin);
        var end = TrendCalendar.DayStartUtc(new DateOnly(2026, 11, 1), Berlin);
        var lengths = new List<double>();
        for (var start = first; start < end; start = TrendCalendar.NextBucketStartUtc(start, Berlin, TrendGrain.Day))
        {
            Assert.Equal(start, TrendCalendar.BucketStartUtc(start, Berlin, TrendGrain.Day));
            Assert.Equal(start, TrendCalendar.BucketStartUtc(TrendCalendar.NextBucketStartUtc(start, Berlin, TrendGrain.Day).AddTicks(-1), Berlin, TrendGrain.Day));
            lengths.Add((TrendCalendar.NextBucketStartUtc(start, Berlin, TrendGrain.Day) - start).TotalHours);
        }

        Assert.Equal(245, lengths.Count);
        Assert.Equal([23.0], lengths.Where(h => h < 24));
        Assert.Equal([25.0], lengths.Where(h => h > 24));
    }

    [Fact]
    public void Week_StartsOnLocalMonday_AndSpansTheChange()
    {
        Assert.Equal(Utc(10, 25, 23), TrendCalendar.BucketStartUtc(Utc(10, 29, 9), Berlin, TrendGrain.Week)); // Thu 29 Oct → Mon 26 Oct 00:00 local
        Assert.Equal(Utc(10, 25, 23), TrendCalendar.BucketStartUtc(Utc(10, 25, 23), Berlin, TrendGrain.Week)); // the Monday itself
        var weekOfChange = TrendCalendar.BucketStartUtc(Utc(10, 25, 12), Berlin, TrendGrain.Week); // Sunday: the week began Mon 19 Oct
        Assert.Equal(Utc(10, 18, 22), weekOfChange);
        Assert.Equal(TimeSpan.FromHours((7 * 24) + 1), TrendCalendar.NextBucketStartUtc(weekOfChange, Berlin, TrendGrain.Week) - weekOfChange);
        var springWeek = TrendCalendar.BucketStartUtc(Utc(3, 29, 12), Berlin, TrendGrain.Week);
        Assert.Equal(Utc(3, 22, 23), springWeek);
        Assert.Equal(TimeSpan.FromHours((7 * 24) - 1), TrendCalendar.NextBucketStartUtc(springWeek, Berlin, TrendGrain.Week) - springWeek);
    }

    [Fact]
    public void Month_FollowsTheLocalCalendar()
    {
        var start = TrendCalendar.BucketStartUtc(Utc(10, 31, 23), Berlin, TrendGrain.Month); // already 1 November in Berlin

        Assert.Equal(Utc(10, 31, 23), start);
        Assert.Equal(Utc(11, 30, 23), TrendCalendar.NextBucketStartUtc(start, Berlin, TrendGrain.Month));
    }

    [Fact]
    public void Hours_OnTheFallBackNight_RepeatTheLocalHourAsTwoBuckets()
    {
        // 02:00–03:00 local happens twice: 00:00–01:00 UTC (CEST) and 01:00–02:00 UTC (CET).
        Assert.Equal(Utc(10, 25, 0), TrendCalendar.BucketStartUtc(Utc(10, 25, 0, 30), Berlin, TrendGrain.Hour));
        Assert.Equal(Utc(10, 25, 1), TrendCalendar.BucketStartUtc(Utc(10, 25, 1, 30), Berlin, TrendGrain.Hour));
        Assert.Equal(Utc(10, 25, 1), TrendCalendar.NextBucketStartUtc(Utc(10, 25, 0), Berlin, TrendGrain.Hour));
    }

    [Theory]
    [InlineData(2, 0)] // the gap's start
    [InlineData(2, 30)] // on a quarter hour
    [InlineData(2, 10)] // between quarter hours
    public void LocalTimeSkippedBySpringForward_MovesToTheEndOfTheGap(int hour, int minute)
    {
        var local = new DateTime(2026, 3, 29, hour, minute, 0, DateTimeKind.Unspecified); // 02:00–03:00 does not exist in Berlin

        Assert.Equal(Utc(3, 29, 1), TrendCalendar.LocalToUtc(local, Berlin)); // 03:00 CEST
    }

    [Fact]
    public void LocalTimeRepeatedByFallBack_IsItsFirstOccurrence()
    {
        var local = new DateTime(2026, 10, 25, 2, 30, 0, DateTimeKind.Unspecified);

        Assert.Equal(Utc(10, 25, 0, 30), TrendCalendar.LocalToUtc(local, Berlin)); // 02:30 CEST, not 02:30 CET
    }

    [Fact]
    public void DaysOf_AHalfOpenRange_AreTheLocalDaysItTouches()
    {
        var from = TrendCalendar.DayStartUtc(new DateOnly(2026, 3, 28), Berlin);
        var to = TrendCalendar.DayStartUtc(new DateOnly(2026, 3, 31), Berlin);

        Assert.Equal([new DateOnly(2026, 3, 28), new DateOnly(2026, 3, 29), new DateOnly(2026, 3, 30)], TrendCalendar.DaysOf(from, to, Berlin));
        Assert.Empty(TrendCalendar.DaysOf(to, to, Berlin));
    }

    [Fact]
    public void ZoneWithoutDst_EveryDayLasts24Hours_FromLocalMidnight()
    {
        var start = TrendCalendar.DayStartUtc(new DateOnly(2026, 3, 29), Kolkata);

        Assert.Equal(Utc(3, 28, 18, 30), start);
        for (var day = start; day < start.AddDays(250); day = TrendCalendar.NextBucketStartUtc(day, Kolkata, TrendGrain.Day))
        {
            Assert.Equal(TimeSpan.FromHours(24), TrendCalendar.NextBucketStartUtc(day, Kolkata, TrendGrain.Day) - day);
            Assert.Equal(new TimeSpan(18, 30, 0), day.TimeOfDay);
        }

        // Hours follow the local clock, so they start at half past in UTC.
        Assert.Equal(Utc(3, 29, 6, 30), TrendCalendar.BucketStartUtc(Utc(3, 29, 7, 10), Kolkata, TrendGrain.Hour));
        Assert.Equal(Utc(3, 29, 18, 30), TrendCalendar.BucketStartUtc(Utc(4, 1, 0), Kolkata, TrendGrain.Week)); // Mon 30 Mar 00:00 IST
    }
}
