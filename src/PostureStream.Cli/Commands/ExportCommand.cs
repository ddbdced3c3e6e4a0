using System.CommandLine;
using System.Globalization;
using PostureStream.Storage.Export;
using PostureStream.Storage.Influx;
using PostureStream.Storage.Stores;
using PostureStream.Storage.Trends;
using Spectre.Console;

namespace PostureStream.Cli.Commands;

/// <summary>
/// <c>posturestream export --store URI --from T --to T [--tz ZONE] --format lp|csv [--out FILE]</c>: the stored
/// points in [from, to) as line protocol (nanosecond timestamps) or CSV, to a file or stdout. Times are read
/// as <c>report</c> reads them (<see cref="TimeRangeOptions"/>).
/// </summary>
public static class ExportCommand
{
    /// <summary>Above this many points a progress bar is shown (when stderr is a terminal).</summary>
    public const long ProgressThreshold = 50_000;

    public static Command Create()
    {
        var store = new Option<string>("--store") { Description = "the store to read: sqlite:PATH or influxdb-v1|v2|v3:URL?... (as for run)", Required = true };
        var range = new TimeRangeOptions(zoneAlsoFor: "");
        var format = new Option<string>("--format") { Description = "lp (InfluxDB line protocol, ns timestamps) or csv (header, one row per point)", Required = true };
        format.AcceptOnlyFromAmong("lp", "csv");
        var output = new Option<string?>("--out") { Description = "the file to write (default: stdout)" };
        var command = new Command("export", "write stored points out as line protocol or CSV") { store, range.From, range.To, range.Zone, format, output };
        command.SetAction((parse, cancel) => RunAsync(
            parse.GetValue(store)!, parse.GetValue(range.From)!, parse.GetValue(range.To)!, parse.GetValue(range.Zone), parse.GetValue(format)!, parse.GetValue(output),
            TimeZoneInfo.Local, Console.OpenStandardOutput(), Console.Error,
            // A bar only on a terminal, and never on the same terminal the data scrolls through.
            showProgress: !Console.IsErrorRedirected && (parse.GetValue(output) is not null || Console.IsOutputRedirected), cancel));
        return command;
    }

    public static async Task<int> RunAsync(
        string storeUri, string fromText, string toText, string? zoneId, string formatText, string? outPath,
        TimeZoneInfo defaultZone, Stream standardOutput, TextWriter errors, bool showProgress, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(standardOutput);
        ArgumentNullException.ThrowIfNull(errors);
        if (!TimeRangeOptions.TryParse(fromText, toText, zoneId, defaultZone, out TimeRange range, out string? rangeError))
        {
            return await UsageAsync(errors, rangeError);
        }

        ExportFormat format;
        switch (formatText)
        {
            case "lp":
                format = ExportFormat.LineProtocol;
                break;
            case "csv":
                format = ExportFormat.Csv;
                break;
            default:
                return await UsageAsync(errors, $"--format '{formatText}' is not valid; use lp or csv");
        }

        if (outPath is not null && FileProblem.BeforeWriting(outPath) is { } outProblem)
        {
            return await UsageAsync(errors, $"--out: {outProblem}");
        }

        if (!StoreToRead.TryOpen(storeUri, uri => StoreFactory.OpenSource(StoreFactory.Parse(uri)), out IStoredPointSource? source, out int exit, out string? storeError))
        {
            await errors.WriteLineAsync("posturestream export: " + storeError);
            return exit;
        }

        using (source)
        {
            Stream output;
            try
            {
                output = outPath is null ? standardOutput : new FileStream(outPath, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16, useAsync: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                return await UsageAsync(errors, $"--out: {FileProblem.DescribeWrite(outPath!, e)}");
            }

            try
            {
                long count = showProgress
                    ? await ExportWithProgressAsync(source, range.FromUtc, range.ToUtc, format, output, cancel)
                    : await Exporter.ExportAsync(source, range.FromUtc, range.ToUtc, format, output, null, cancel);
                await errors.WriteLineAsync($"exported {count.ToString(CultureInfo.InvariantCulture)} points from {source.Description}");
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is HttpRequestException or InfluxQueryException or IOException or Microsoft.Data.Sqlite.SqliteException or TaskCanceledException)
            {
                await errors.WriteLineAsync($"posturestream export: {e.Message}");
                return ExitCodes.RuntimeFailure;
            }
            finally
            {
                if (outPath is not null)
                {
                    await output.DisposeAsync();
                }
                else
                {
                    await output.FlushAsync(CancellationToken.None);
                }
            }
        }
    }

    private static async Task<long> ExportWithProgressAsync(IStoredPointSource source, DateTime fromUtc, DateTime toUtc, ExportFormat format, Stream output, CancellationToken cancel)
    {
        long total = await source.CountAsync(fromUtc, toUtc, cancel);
        if (total < ProgressThreshold)
        {
            return await Exporter.ExportAsync(source, fromUtc, toUtc, format, output, null, cancel);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("exporting points", maxValue: total);
                return await Exporter.ExportAsync(source, fromUtc, toUtc, format, output, new SyncProgress(n => task.Value = n), cancel);
            });
    }

    private static async Task<int> UsageAsync(TextWriter errors, string message)
    {
        await errors.WriteLineAsync("posturestream export: " + message);
        return ExitCodes.Usage;
    }

    /// <summary>Reports on the exporting thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
