using PostureStream.Storage.Reports;

namespace PostureStream.Storage.Tests.Reports;

public sealed class ReportRangeParserTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void Dates_AreLocalMidnightsOfTheZone()
    {
        Assert.True(ReportRangeParser.TryParse("2026-11-16", "2026-11-23", "Europe/Berlin", TimeZoneInfo.Utc, null, out var request, out _));

        Assert.Equal(new DateTime(2026, 11, 15, 23, 0, 0, DateTimeKind.Utc), request.FromUtc);
        Assert.Equal(new DateTime(2026, 11, 22, 23, 0, 0, DateTimeKind.Utc), request.ToUtc);
        Assert.Equal("Europe/Berlin", request.Zone.Id);
    }

    [Fact]
    public void NoZone_TakesTheDefault()
    {
        Assert.True(ReportRangeParser.TryParse("2026-07-01", "2026-07-02", null, Berlin, null, out var request, out _));

        Assert.Same(Berlin, request.Zone);
        Assert.Equal(new DateTime(2026, 6, 30, 22, 0, 0, DateTimeKind.Utc), request.FromUtc);
    }

    [Fact]
    public void TimesWithOffset_AreInstants_LocalTimesAreInTheZone()
    {
        Assert.True(ReportRangeParser.TryParse("2026-11-16T08:00:00Z", "2026-11-16T12:00", "Europe/Berlin", TimeZoneInfo.Utc, null, out var request, out _));

        Assert.Equal(new DateTime(2026, 11, 16, 8, 0, 0, DateTimeKind.Utc), request.FromUtc);
        Assert.Equal(new DateTime(2026, 11, 16, 11, 0, 0, DateTimeKind.Utc), request.ToUtc);
    }

    [Theory]
    [InlineData("2026-13-01", "2026-11-23", "Europe/Berlin", "'2026-13-01'")]
    [InlineData("2026-11-16", "next week", "Europe/Berlin", "'next week'")]
    [InlineData("2026-11-23", "2026-11-16", "Europe/Berlin", "must be after")]
    [InlineData("2026-11-16", "2026-11-23", "Mars/Olympus_Mons", "'Mars/Olympus_Mons'")]
    [InlineData("2026-03-29T02:30", "2026-03-30", "Europe/Berlin", "does not exist in Europe/Berlin")]
    [InlineData("2024-01-01", "2026-01-01", "UTC", "longer than 366 days")]
    public void BadValues_AreRefusedWithAMessageNamingThem(string from, string to, string zone, string expected)
    {
        Assert.False(ReportRangeParser.TryParse(from, to, zone, TimeZoneInfo.Utc, null, out _, out string? error));

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void BadDeviceId_IsRefused()
    {
        Assert.False(ReportRangeParser.TryParse("2026-11-16", "2026-11-23", "UTC", TimeZoneInfo.Utc, "belt", out _, out string? error));

        Assert.Contains("'belt'", error, StringComparison.Ordinal);
    }
}
