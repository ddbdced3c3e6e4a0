using System.CommandLine;
using System.Globalization;
using PostureStream.Storage.Export;
using PostureStream.Storage.Influx;
using PostureStream.Storage.Stores;
using PostureStream.Storage.Trends;
using Spectre.Console;

namespace PostureStream.Cli.Commands;

/// <summary>
/// <c>posturestream export --store URI --from T --to T --format lp|csv [--out FILE]</c>: the stored
/// points in [from, to) as line protocol (nanosecond timestamps) or CSV, to a file or stdout.
/// </summary>
public static class ExportCommand
{
    /// <summary>Above this many points a progress bar is shown (when stderr is a terminal).</summary>
    public const long ProgressThreshold = 50_000;

    public static Command Create()
    {
        var store = new Option<string>("--store") { Description = "the store to read: sqlite:PATH or influxdb-v1|v2|v3:URL?... (as for run)", Required = true };
        var from = new Option<string>("--from") { Description = "start of the range, ISO 8601 (e.g. 2026-11-01 or 2026-11-01T08:00:00+01:00; no offset = UTC), inclusive", Required = true };
        var to = new Option<string>("--to") { Description = "end of the range, ISO 8601, exclusive", Required = true };
        var format = new Option<string>("--format") { Description = "lp (InfluxDB line protocol, ns timestamps) or csv (header, one row per point)", Required = true };
        format.AcceptOnlyFromAmong("lp", "csv");
        var output = new Option<string?>("--out") { Description = "the file to write (default: stdout)" };
        var command = new Command("export", "write stored points out as line protocol or CSV") { store, from, to, format, output };
        command.SetAction((parse, cancel) => RunAsync(
            parse.GetValue(store)!, parse.GetValue(from)!, parse.GetValue(to)!, parse.GetValue(format)!, parse.GetValue(output),
            Console.OpenStandardOutput(), Console.Error,
            // A bar only on a terminal, and never on the same terminal the data scrolls through.
            showProgress: !Console.IsErrorRedirected && (parse.GetValue(output) is not null || Console.IsOutputRedirected), cancel));
        return command;
    }

    public static async Task<int> RunAsync(
        string storeUri, string fromText, string toText, string formatText, string? outPath,
        Stream standardOutput, TextWriter errors, bool showProgress, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(standardOutput);
        ArgumentNullException.ThrowIfNull(errors);
        if (!TryParseTime(fromText, out var fromUtc) || !TryParseTime(toText, out var toUtc))
        {
            string bad = TryParseTime(fromText, out _) ? $"--to '{toText}'" : $"--from '{fromText}'";
            return await UsageAsync(errors, $"{bad} is not an ISO 8601 time; give e.g. 2026-11-01, 2026-11-01T08:00:00Z or 2026-11-01T08:00:00+01:00");
        }

        if (toUtc <= fromUtc)
        {
            return await UsageAsync(errors, $"--to '{toText}' must be after --from '{fromText}' (the range is [from, to))");
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

        IStoredPointSource source;
        try
        {
            source = StoreFactory.OpenSource(StoreFactory.Parse(storeUri));
        }
        catch (StoreUriException e)
        {
            return await UsageAsync(errors, e.Message);
        }
        catch (FileNotFoundException e)
        {
            return await UsageAsync(errors, $"--store '{storeUri}': {e.Message} (give the file 'run' writes, by default sqlite:{Storage.Sqlite.SqliteStore.DefaultPath()})");
        }
        catch (Exception e) when (e is InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            await errors.WriteLineAsync($"posturestream export: cannot open {storeUri}: {e.Message}");
            return ExitCodes.RuntimeFailure;
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
                return await UsageAsync(errors, $"--out '{outPath}' cannot be written: {e.Message}");
            }

            try
            {
                long count = showProgress
                    ? await ExportWithProgressAsync(source, fromUtc, toUtc, format, output, cancel)
                    : await Exporter.ExportAsync(source, fromUtc, toUtc, format, output, null, cancel);
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

    /// <summary>ISO 8601 with or without an offset (none = UTC), or a date alone (midnight UTC).</summary>
    public static bool TryParseTime(string text, out DateTime utc)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            utc = parsed.UtcDateTime;
            return true;
        }

        utc = default;
        return false;
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
