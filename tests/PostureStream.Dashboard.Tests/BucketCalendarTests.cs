using PostureStream.Dashboard.Charts;
using PostureStream.Storage.Trends;

namespace PostureStream.Dashboard.Tests;

public sealed class BucketCalendarTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private static DateTime Utc(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Day_OnTheNightSummerTimeEnds_Lasts25Hours()
    {
        var start = BucketCalendar.Floor(Utc(10, 25, 12), TrendGrain.Day, Paris);

        Assert.Equal(Utc(10, 24, 22), start); // local midnight, still UTC+2
        Assert.Equal(Utc(10, 25, 23), BucketCalendar.Next(start, TrendGrain.Day, Paris)); // next midnight, UTC+1
    }

    [Fact]
    public void Week_StartsOnLocalMonday()
    {
        Assert.Equal(Utc(10, 25, 23), BucketCalendar.Floor(Utc(10, 29, 9), TrendGrain.Week, Paris)); // Thu 29 Oct → Mon 26 Oct 00:00 local
        Assert.Equal(Utc(10, 25, 23), BucketCalendar.Floor(Utc(10, 25, 23), TrendGrain.Week, Paris)); // the Monday itself
    }

    [Fact]
    public void Month_FollowsTheLocalCalendar()
    {
        var start = BucketCalendar.Floor(Utc(10, 31, 23), TrendGrain.Month, Paris); // already 1 November in Paris

        Assert.Equal(Utc(10, 31, 23), start);
        Assert.Equal(Utc(11, 30, 23), BucketCalendar.Next(start, TrendGrain.Month, Paris));
    }

    [Fact]
    public void LocalTimeSkippedBySpringForward_MovesPastTheGap()
    {
        var local = new DateTime(2026, 3, 29, 2, 30, 0, DateTimeKind.Unspecified); // does not exist in Paris

        Assert.Equal(new DateTime(2026, 3, 29, 1, 0, 0, DateTimeKind.Utc), BucketCalendar.ToUtc(local, Paris));
    }
}
