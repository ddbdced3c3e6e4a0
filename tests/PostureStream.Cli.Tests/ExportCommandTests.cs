using PostureStream.Storage.Schema;

namespace PostureStream.Cli.Tests;

/// <summary><c>export</c> over a SQLite store written by real <c>run</c>s.</summary>
[Collection(ProcessState.Collection)]
public sealed class ExportCommandTests(SeededSqliteStore store) : IClassFixture<SeededSqliteStore>
{
    private const string From = "2026-03-02";
    private const string To = "2026-03-04";

    private async Task<(int Exit, string Errors, string OutPath)> ExportAsync(params string[] overrides)
    {
        string outPath = Path.Combine(store.Directory, $"export-{Guid.NewGuid():N}.out");
        var options = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["--store"] = store.Uri, ["--from"] = From, ["--to"] = To, ["--tz"] = "UTC", ["--format"] = "lp", ["--out"] = outPath,
        };
        for (int i = 0; i < overrides.Length; i += 2)
        {
            options[overrides[i]] = overrides[i + 1];
        }

        using var console = new ConsoleCapture();
        int exit = await Program.Main(["export", .. options.SelectMany(o => new[] { o.Key, o.Value })]);
        return (exit, console.Error, options["--out"]);
    }

    [Fact]
    public async Task Export_LineProtocol_HasOneParsableLinePerStoredPointOfEveryMeasurement()
    {
        (int exit, string errors, string outPath) = await ExportAsync();

        Assert.Equal(ExitCodes.Ok, exit);
        string[] lines = (await File.ReadAllTextAsync(outPath)).Split('\n');
        Assert.Equal("", lines[^1]);
        LineProtocolLine?[] parsed = [.. lines[..^1].Select(LineProtocolLine.TryParse)];
        Assert.All(parsed, Assert.NotNull);

        var stored = store.CountRows().Where(c => c.Value > 0).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        var exported = parsed.GroupBy(l => l!.Measurement, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.LongCount(), StringComparer.Ordinal);
        Assert.Equal(stored.OrderBy(c => c.Key, StringComparer.Ordinal), exported.OrderBy(c => c.Key, StringComparer.Ordinal));
        // Every measurement a run writes (programmes and sessions are recorded by the programme commands).
        Assert.Equal(StorageSchema.All.Except(StorageSchema.ProgrammeRecords).Select(m => m.Name).Order(StringComparer.Ordinal), exported.Keys.Order(StringComparer.Ordinal));

        long from = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000;
        long to = from + (2L * 86_400 * 1_000_000_000);
        Assert.All(parsed, l => Assert.InRange(l!.UnixNanoseconds, from, to - 1));
        Assert.Contains($"exported {parsed.Length} points", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_CsvOfOneDay_HasTheHeaderAndOnlyThatDaysRows()
    {
        (int exit, _, string outPath) = await ExportAsync("--format", "csv", "--to", "2026-03-03");

        Assert.Equal(ExitCodes.Ok, exit);
        string[] lines = (await File.ReadAllTextAsync(outPath)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("measurement,time,device,device_id,kind,transport,lumbar_pitch,lumbar_roll,pelvis_pitch,", lines[0], StringComparison.Ordinal);
        string[] rows = lines[1..];
        long total = store.CountRows().Values.Sum();
        Assert.InRange(rows.Length, 1, total - 1);
        Assert.All(rows, r => Assert.StartsWith("2026-03-02T", r.Split(',')[1], StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("posture,", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--format", "xml", "xml")]
    [InlineData("--from", "2026-03-05", "--to '2026-03-04' must be after --from '2026-03-05'")]
    [InlineData("--from", "yesterday", "--from: 'yesterday' is not a date or time")]
    [InlineData("--to", "2026-13-01", "--to: '2026-13-01' is not a date or time")]
    [InlineData("--tz", "Mars/Base", "'Mars/Base'")]
    [InlineData("--store", "sqlite:no-such-folder/none.db", "no-such-folder/none.db")]
    [InlineData("--store", "mysql:x", "mysql:x")]
    public async Task Export_BadArgument_NamesTheValueAndExitsWithUsageCode(string option, string value, string expected)
    {
        (int exit, string errors, string outPath) = await ExportAsync(option, value);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
        Assert.False(File.Exists(outPath), "nothing is written for a bad argument");
    }

    /// <summary>
    /// The seeded wearer of the first day was recorded from 2026-03-02T08:00Z, which is still 2026-03-01 ten hours
    /// west of UTC: read as midnights in --tz (as report reads them), that day's dates hold all of it; read as UTC
    /// midnights they would hold nothing.
    /// </summary>
    [Fact]
    public async Task Export_BareDates_AreMidnightsInTz_AsReportReadsThem()
    {
        (int exit, _, string outPath) = await ExportAsync("--from", "2026-03-01", "--to", "2026-03-02", "--tz", "Etc/GMT+10", "--format", "csv");

        Assert.Equal(ExitCodes.Ok, exit);
        DateTimeOffset[] times = [.. (await File.ReadAllLinesAsync(outPath)).Skip(1)
            .Select(row => DateTimeOffset.Parse(row.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal))];
        Assert.NotEmpty(times);
        Assert.All(times, t => Assert.InRange(t, new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 2, 9, 59, 59, TimeSpan.Zero)));
        Assert.Equal(store.CountRowsBetween(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero)), times.Length);

        string reportPath = Path.Combine(store.Directory, $"report-{Guid.NewGuid():N}.html");
        using (new ConsoleCapture())
        {
            Assert.Equal(ExitCodes.Ok, await Program.Main(["report", "--store", store.Uri, "--from", "2026-03-01", "--to", "2026-03-02", "--tz", "Etc/GMT+10", "--out", reportPath]));
        }

        string html = await File.ReadAllTextAsync(reportPath);
        var day = System.Text.RegularExpressions.Regex.Match(html, @"<tr data-day=""2026-03-01""[^>]* data-alerts=""(?<alerts>[0-9]+)""");
        Assert.True(day.Success, "the report has no row for 2026-03-01 in Etc/GMT+10");
        Assert.Equal(store.CountRaisedAlerts(SeededSqliteStore.FirstDay).ToString(System.Globalization.CultureInfo.InvariantCulture), day.Groups["alerts"].Value);
    }

    /// <summary>Dates beyond what 64-bit nanoseconds hold are clamped, not wrapped: the whole calendar is everything.</summary>
    [Fact]
    public async Task Export_WholeCalendar_ExportsEveryPoint()
    {
        (int exit, string errors, string outPath) = await ExportAsync("--from", "0001-01-01", "--to", "9999-12-31");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains($"exported {store.CountRows().Values.Sum()} points", errors, StringComparison.Ordinal);
        Assert.True(new FileInfo(outPath).Length > 0);
    }
}
