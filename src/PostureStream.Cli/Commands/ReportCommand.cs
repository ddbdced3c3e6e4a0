using System.CommandLine;
using PostureStream.Cli.Configuration;
using PostureStream.Storage.Influx;
using PostureStream.Storage.Programmes;
using PostureStream.Storage.Stores;
using PostureStream.Presentation.Reports;
using PostureStream.Storage.Trends;
using Spectre.Console;

namespace PostureStream.Cli.Commands;

/// <summary>
/// <c>posturestream report --store URI --from T --to T [--tz ZONE] --out FILE.html [--device ID]</c>:
/// a self-contained HTML trend report over stored data, days in <c>--tz</c> (default: this machine's zone);
/// times are read by <see cref="TimeRangeOptions"/>, as <c>export</c> reads them.
/// </summary>
public static class ReportCommand
{
    /// <summary>A report covers at most a year.</summary>
    private static readonly TimeSpan MaximumRange = TimeSpan.FromDays(366);

    public static Command Create()
    {
        var store = new Option<string>("--store") { Description = "the store to read: sqlite:PATH or influxdb-v1|v2|v3:URL?... (as for run)", Required = true };
        var range = new TimeRangeOptions(zoneAlsoFor: ", and whose calendar days the report uses");
        var output = new Option<string>("--out") { Description = "the HTML file to write", Required = true };
        var device = new Option<string?>("--device") { Description = "only this device: its display name or its 16-hex-digit device_id; default: all devices" };
        var command = new Command("report", "write a self-contained HTML trend report (printable, no external references)") { store, range.From, range.To, range.Zone, output, device };
        command.SetAction((parse, cancel) => RunAsync(
            parse.GetValue(store)!, parse.GetValue(range.From)!, parse.GetValue(range.To)!, parse.GetValue(range.Zone), parse.GetValue(output)!, parse.GetValue(device),
            TimeZoneInfo.Local, Console.Error, !Console.IsErrorRedirected, cancel));
        return command;
    }

    public static async Task<int> RunAsync(
        string storeUri, string from, string to, string? zoneId, string outputPath, string? deviceId,
        TimeZoneInfo defaultZone, TextWriter errors, bool showProgress, CancellationToken cancel)
    {
        if (!TimeRangeOptions.TryParse(from, to, zoneId, defaultZone, out TimeRange range, out string? error))
        {
            await errors.WriteLineAsync($"posturestream report: {error}");
            return ExitCodes.Usage;
        }

        if (range.ToUtc - range.FromUtc > MaximumRange)
        {
            await errors.WriteLineAsync($"posturestream report: the range --from '{from}' --to '{to}' is longer than 366 days; give at most a year per report");
            return ExitCodes.Usage;
        }

        if (FileProblem.BeforeWriting(outputPath) is { } outProblem)
        {
            await errors.WriteLineAsync($"posturestream report: --out: {outProblem}");
            return ExitCodes.Usage;
        }

        if (!StoreToRead.TryOpen(storeUri, uri => StoreFactory.OpenQueries(uri), out ITrendQueries? queries, out int exit, out string? storeError))
        {
            await errors.WriteLineAsync($"posturestream report: {storeError}");
            return exit;
        }

        // The physiotherapist's view (pattern, programmes, sessions) reads the same store.
        var programmes = StoreFactory.OpenProgrammeQueries(StoreFactory.Parse(storeUri));
        var request = new ReportRequest(range.FromUtc, range.ToUtc, range.Zone) { GeneratedUtc = TimeProvider.System.GetUtcNow().UtcDateTime };
        try
        {
            if (deviceId is not null)
            {
                var (id, deviceError) = await DeviceSelector.ResolveAsync(queries, deviceId, cancel);
                if (id is null)
                {
                    await errors.WriteLineAsync($"posturestream report: {deviceError}");
                    return ExitCodes.Usage;
                }

                request = request with { DeviceId = id };
            }

            string html = showProgress
                ? await BuildWithProgressBarAsync(queries, programmes, request, errors, cancel)
                : await TrendReport.BuildAsync(queries, programmes, request, null, cancel);
            await WriteAsync(outputPath, html, cancel);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever the store throws (HTTP, SQLite, a query error) ends this one-shot command with its message.
            await errors.WriteLineAsync($"posturestream report: {e.Message}");
            return ExitCodes.RuntimeFailure;
        }
        finally
        {
            await DisposeAsync(queries);
        }

        await errors.WriteLineAsync($"posturestream report: wrote {outputPath}");
        return ExitCodes.Ok;
    }

    private static async Task WriteAsync(string outputPath, string html, CancellationToken cancel)
    {
        try
        {
            await File.WriteAllTextAsync(outputPath, html, cancel);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"--out: {FileProblem.DescribeWrite(outputPath, e)}", e);
        }
    }

    private static async Task<string> BuildWithProgressBarAsync(ITrendQueries queries, IProgrammeQueries programmes, ReportRequest request, TextWriter errors, CancellationToken cancel)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(errors) });
        string html = string.Empty;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("querying", maxValue: 1);
                html = await TrendReport.BuildAsync(queries, programmes, request, new ProgressTaskReporter(task), cancel);
            });
        return html;
    }

    private static async Task DisposeAsync(ITrendQueries queries)
    {
        if (queries is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else if (queries is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    /// <summary>Moves a Spectre progress task synchronously (Progress&lt;T&gt; would post out of order to the thread pool).</summary>
    private sealed class ProgressTaskReporter(ProgressTask task) : IProgress<ReportProgress>
    {
        public void Report(ReportProgress value)
        {
            task.MaxValue = value.Total;
            task.Value = value.Completed;
            task.Description = value.Completed >= value.Total ? "done" : $"querying {value.Step}";
        }
    }
}
