using System.CommandLine;
using PostureStream.Cli.Configuration;
using PostureStream.Storage.Influx;
using PostureStream.Storage.Stores;
using PostureStream.Storage.Reports;
using PostureStream.Storage.Trends;
using Spectre.Console;

namespace PostureStream.Cli.Commands;

/// <summary>
/// <c>posturestream report --store URI --from T --to T [--tz ZONE] --out FILE.html [--device ID]</c>:
/// a self-contained HTML trend report over stored data, days in <c>--tz</c> (default: this machine's zone).
/// </summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var store = new Option<string>("--store") { Description = "the store to read: sqlite:PATH or influxdb-v1|v2|v3:http://HOST:PORT?... (DESIGN §8)", Required = true };
        var from = new Option<string>("--from") { Description = "first day or time: yyyy-MM-dd (local midnight in --tz), yyyy-MM-ddTHH:mm, or ISO 8601 with Z/offset", Required = true };
        var to = new Option<string>("--to") { Description = "end of the range, exclusive, same forms as --from (--from 2026-11-16 --to 2026-11-23 is one week)", Required = true };
        var tz = new Option<string?>("--tz") { Description = "IANA time zone whose calendar days the report uses (default: this machine's zone)" };
        var output = new Option<string>("--out") { Description = "the HTML file to write", Required = true };
        var device = new Option<string?>("--device") { Description = "only this device: its display name or its 16-hex-digit device_id; default: all devices" };
        var command = new Command("report", "write a self-contained HTML trend report (printable, no external references)") { store, from, to, tz, output, device };
        command.SetAction((parse, cancel) => RunAsync(
            parse.GetValue(store)!, parse.GetValue(from)!, parse.GetValue(to)!, parse.GetValue(tz), parse.GetValue(output)!, parse.GetValue(device),
            TimeZoneInfo.Local, Console.Error, !Console.IsErrorRedirected, cancel));
        return command;
    }

    public static async Task<int> RunAsync(
        string storeUri, string from, string to, string? zoneId, string outputPath, string? deviceId,
        TimeZoneInfo defaultZone, TextWriter errors, bool showProgress, CancellationToken cancel)
    {
        if (!ReportRangeParser.TryParse(from, to, zoneId, defaultZone, null, out var request, out string? error))
        {
            await errors.WriteLineAsync($"posturestream report: {error}");
            return ExitCodes.Usage;
        }

        string? folder = Path.GetDirectoryName(Path.GetFullPath(outputPath));
        if (folder is not null && !Directory.Exists(folder))
        {
            await errors.WriteLineAsync($"posturestream report: --out '{outputPath}': the folder '{folder}' does not exist (give a path in an existing folder)");
            return ExitCodes.Usage;
        }

        ITrendQueries queries;
        try
        {
            queries = StoreFactory.OpenQueries(storeUri);
        }
        catch (StoreUriException e)
        {
            await errors.WriteLineAsync($"posturestream report: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is ArgumentException or FileNotFoundException)
        {
            await errors.WriteLineAsync($"posturestream report: --store '{SecretMask.Uri(storeUri)}': {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            await errors.WriteLineAsync($"posturestream report: cannot open {SecretMask.Uri(storeUri)}: {e.Message}");
            return ExitCodes.RuntimeFailure;
        }

        request = request with { GeneratedUtc = TimeProvider.System.GetUtcNow().UtcDateTime };
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
                ? await BuildWithProgressBarAsync(queries, request, errors, cancel)
                : await TrendReport.BuildAsync(queries, request, null, cancel);
            await File.WriteAllTextAsync(outputPath, html, cancel);
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

    private static async Task<string> BuildWithProgressBarAsync(ITrendQueries queries, ReportRequest request, TextWriter errors, CancellationToken cancel)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(errors) });
        string html = string.Empty;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("querying", maxValue: 1);
                html = await TrendReport.BuildAsync(queries, request, new ProgressTaskReporter(task), cancel);
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
