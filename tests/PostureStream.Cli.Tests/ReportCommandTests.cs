using System.Text.RegularExpressions;

namespace PostureStream.Cli.Tests;

/// <summary><c>report</c> (README, using it) over a SQLite store written by real <c>run</c>s.</summary>
[Collection(ProcessState.Collection)]
public sealed partial class ReportCommandTests(SeededSqliteStore store) : IClassFixture<SeededSqliteStore>
{
    private async Task<(int Exit, string Errors)> ReportAsync(string outPath, string zone = "Europe/Berlin", string? storeUri = null)
    {
        using var console = new ConsoleCapture();
        int exit = await Program.Main(["report", "--store", storeUri ?? store.Uri, "--from", "2026-03-02", "--to", "2026-03-04", "--tz", zone, "--out", outPath]);
        return (exit, console.Error);
    }

    [Fact]
    public async Task Report_TwoSeededDays_IsSelfContainedWithEachDaysFigures()
    {
        string outPath = Path.Combine(store.Directory, "two-days.html");
        (int exit, string errors) = await ReportAsync(outPath);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains(outPath, errors, StringComparison.Ordinal);
        string html = await File.ReadAllTextAsync(outPath);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(ExternalReference(), html);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        var rows = DayRow().Matches(html).ToDictionary(m => m.Groups["day"].Value, StringComparer.Ordinal);
        foreach (DateOnly day in new[] { SeededSqliteStore.FirstDay, SeededSqliteStore.SecondDay })
        {
            Assert.True(rows.TryGetValue($"{day:yyyy-MM-dd}", out Match? row), $"no table row for {day}");
            Assert.True(double.Parse(row.Groups["neutral"].Value, System.Globalization.CultureInfo.InvariantCulture) > 0, $"{day}: no time neutral");
            long raised = store.CountRaisedAlerts(day);
            Assert.True(raised > 0, $"{day}: the seeded run raised no alert");
            Assert.Equal(raised, long.Parse(row.Groups["alerts"].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Report_OutputFolderMissing_NamesItAndExitsWithUsageCode()
    {
        string folder = Path.Combine(store.Directory, "no-such-folder");
        (int exit, string errors) = await ReportAsync(Path.Combine(folder, "r.html"));

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(folder, errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_UnknownZone_NamesItAndExitsWithUsageCode()
    {
        string outPath = Path.Combine(store.Directory, "mars.html");
        (int exit, string errors) = await ReportAsync(outPath, zone: "Mars/Base");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("'Mars/Base'", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(outPath));
    }

    [Theory]
    [InlineData("sqlite:no-such-folder/none.db", "no-such-folder/none.db")]
    [InlineData("mysql:x", "mysql:x")]
    public async Task Report_StoreThatCannotBeOpened_NamesItAndExitsWithUsageCode(string storeUri, string expected)
    {
        string outPath = Path.Combine(store.Directory, "bad-store.html");
        (int exit, string errors) = await ReportAsync(outPath, storeUri: storeUri);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
        Assert.False(File.Exists(outPath));
    }

    [Fact]
    public async Task Report_RangeLongerThanAYear_IsRefusedWithUsageCode()
    {
        string outPath = Path.Combine(store.Directory, "two-years.html");
        using var console = new ConsoleCapture();

        int exit = await Program.Main(["report", "--store", store.Uri, "--from", "2024-01-01", "--to", "2026-01-01", "--tz", "UTC", "--out", outPath]);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("longer than 366 days", console.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(outPath));
    }

    /// <summary>Anything a browser would fetch: http(s) URLs, protocol-relative or scheme links, CSS url()/@import, external scripts and stylesheets.</summary>
    [GeneratedRegex(@"https?://|\b(?:src|href)\s*=\s*[""']?\s*(?:[a-z][a-z0-9+.-]*:|//)|url\s*\(|@import|<script[^>]*\bsrc|<link\b", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    [GeneratedRegex(@"<tr data-day=""(?<day>[0-9-]+)"" data-neutral-s=""(?<neutral>[0-9.]+)""[^>]* data-alerts=""(?<alerts>[0-9]+)""")]
    private static partial Regex DayRow();
}
