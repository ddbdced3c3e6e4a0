using PostureStream.Storage.Trends;

namespace PostureStream.Storage.Tests.Trends;

public sealed class TrendCalendarTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Theory]
    [InlineData("2026-11-01T03:59:00Z", TrendGrain.Day, "2026-10-31T04:00:00Z")] // 23:59 EDT on 31 Oct
    [InlineData("2026-11-01T04:00:00Z", TrendGrain.Day, "2026-11-01T04:00:00Z")] // 00:00 EDT on 1 Nov
    [InlineData("2026-11-02T04:59:00Z", TrendGrain.Day, "2026-11-01T04:00:00Z")] // 23:59 EST: 1 Nov lasted 25 h
    [InlineData("2026-11-01T05:30:00Z", TrendGrain.Hour, "2026-11-01T05:00:00Z")] // 01:30 EDT
    [InlineData("2026-11-01T06:30:00Z", TrendGrain.Hour, "2026-11-01T06:00:00Z")] // 01:30 EST: the repeated hour is its own bucket
    [InlineData("2026-11-04T12:00:00Z", TrendGrain.Week, "2026-11-02T05:00:00Z")] // Wednesday -> Monday 00:00 EST
    [InlineData("2026-11-20T12:00:00Z", TrendGrain.Month, "2026-11-01T04:00:00Z")] // 1 Nov 00:00 was still EDT
    public void BucketStart_FollowsTheZonesCalendar(string time, TrendGrain grain, string expected)
    {
        var utc = DateTime.Parse(time, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        var start = TrendCalendar.BucketStartUtc(utc, NewYork, grain);
        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal), start);
        Assert.Equal(DateTimeKind.Utc, start.Kind);
    }
}
