using PostureStream.Cli.Commands;

namespace PostureStream.Cli.Tests;

/// <summary>The one rule by which report and export read --from, --to and --tz.</summary>
public sealed class TimeRangeOptionsTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Theory]
    [InlineData("2026-01-05", "2026-01-04T23:00:00Z")] // a date: midnight in --tz (winter, +01:00)
    [InlineData("2026-07-05", "2026-07-04T22:00:00Z")] // summer, +02:00
    [InlineData("2026-01-05T08:00", "2026-01-05T07:00:00Z")] // a wall-clock time in --tz
    [InlineData("2026-01-05 08:00:30", "2026-01-05T07:00:30Z")]
    [InlineData("2026-01-05T08:00:00Z", "2026-01-05T08:00:00Z")] // Z: that instant, whatever --tz says
    [InlineData("2026-01-05T08:00:00+05:00", "2026-01-05T03:00:00Z")]
    public void From_IsReadByTheOneRule(string from, string expectedUtc)
    {
        Assert.True(TimeRangeOptions.TryParse(from, "2027-01-01T00:00:00Z", "Europe/Berlin", TimeZoneInfo.Utc, out TimeRange range, out string? error), error);

        Assert.Equal(DateTime.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal), range.FromUtc);
        Assert.Equal(DateTimeKind.Utc, range.FromUtc.Kind);
    }

    [Fact]
    public void WithoutTz_TheDefaultZoneIsUsed()
    {
        Assert.True(TimeRangeOptions.TryParse("2026-01-05", "2026-01-06", null, Berlin, out TimeRange range, out _));

        Assert.Equal(new DateTime(2026, 1, 4, 23, 0, 0, DateTimeKind.Utc), range.FromUtc);
        Assert.Equal(new DateTime(2026, 1, 5, 23, 0, 0, DateTimeKind.Utc), range.ToUtc);
        Assert.Same(Berlin, range.Zone);
    }

    [Fact]
    public void TimesBeyondStorableNanoseconds_AreClamped()
    {
        Assert.True(TimeRangeOptions.TryParse("0001-01-01", "9999-12-31", "UTC", Berlin, out TimeRange range, out _));

        Assert.Equal(TimeRangeOptions.EarliestStorable, range.FromUtc);
        Assert.Equal(TimeRangeOptions.LatestStorable, range.ToUtc);
    }

    [Theory]
    [InlineData("0001-01-01", "2026-01-01", "Asia/Tokyo")]
    [InlineData("2026-01-01", "9999-12-31T23:59", "America/New_York")]
    public void CalendarEdges_InAnyZone_AreClampedToo(string from, string to, string zone)
    {
        Assert.True(TimeRangeOptions.TryParse(from, to, zone, Berlin, out TimeRange range, out string? error), error);

        Assert.InRange(range.FromUtc, TimeRangeOptions.EarliestStorable, TimeRangeOptions.LatestStorable);
        Assert.InRange(range.ToUtc, TimeRangeOptions.EarliestStorable, TimeRangeOptions.LatestStorable);
    }

    [Theory]
    [InlineData("2026-01-06", "2026-01-05", null, "--to '2026-01-05' must be after --from '2026-01-06'")]
    [InlineData("monday", "2026-01-05", null, "--from: 'monday' is not a date or time")]
    [InlineData("2026-13-01", "2026-11-23", null, "--from: '2026-13-01' is not a date or time")]
    [InlineData("2026-01-05", "2026-02-30", null, "--to: '2026-02-30' is not a date or time")]
    [InlineData("2026-01-05", "2026-01-06", "Mars/Base", "'Mars/Base'")]
    [InlineData("2026-03-29T02:30", "2026-03-30", "Europe/Berlin", "'2026-03-29T02:30' does not exist in Europe/Berlin")]
    public void BadValues_AreNamed(string from, string to, string? zone, string expected)
    {
        Assert.False(TimeRangeOptions.TryParse(from, to, zone, TimeZoneInfo.Utc, out _, out string? error));

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ADate_IsTheStartOfThatDayInTheOneCalendar_EvenWhenDstSkipsItsMidnight()
    {
        // Santiago springs forward at midnight on Sun 6 Sep 2026 (00:00 -04 becomes 01:00 -03): the day starts at 01:00.
        Assert.True(TimeRangeOptions.TryParse("2026-09-06", "2026-09-07", "America/Santiago", TimeZoneInfo.Utc, out TimeRange range, out string? error), error);

        Assert.Equal(new DateTime(2026, 9, 6, 4, 0, 0, DateTimeKind.Utc), range.FromUtc);
        Assert.Equal(new DateTime(2026, 9, 7, 3, 0, 0, DateTimeKind.Utc), range.ToUtc);
        Assert.Equal(PostureStream.Storage.Trends.TrendCalendar.DayStartUtc(new DateOnly(2026, 9, 6), range.Zone), range.FromUtc);
    }
}
