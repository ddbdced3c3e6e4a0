using System.CommandLine;
using System.Globalization;
using PostureStream.Cli.Programmes;
using PostureStream.Storage.Points;
using PostureStream.Storage.Programmes;

namespace PostureStream.Cli.Commands;

/// <summary>
/// <c>posturestream programme add|list|end</c>: a wearer's exercise programmes, recorded in the store (the
/// <c>programme</c> measurement) so the dashboard and report can show adherence and effects.
/// <list type="bullet">
/// <item><c>programme add --device ID|NAME --name N --kind release|stretch|strengthen --targets "a,b" --start DATE [--end DATE] --per-week N</c></item>
/// <item><c>programme list [--device ID|NAME]</c></item>
/// <item><c>programme end --programme ID [--end DATE]</c> (default: today)</item>
/// </list>
/// Each takes <c>--store URI</c> (default: the SQLite file of <c>--data-dir</c>) and <c>--tz</c>.
/// </summary>
public static class ProgrammeCommand
{
    internal const string Me = "posturestream programme";

    public static Command Create(TimeProvider? time = null)
    {
        var clock = time ?? TimeProvider.System;
        var command = new Command("programme", "record a wearer's exercise programmes (release, stretch, strengthen), list and end them");
        command.Subcommands.Add(Add(clock));
        command.Subcommands.Add(List(clock));
        command.Subcommands.Add(End(clock));
        return command;
    }

    private static Command Add(TimeProvider clock)
    {
        var common = new ProgrammeCommandOptions();
        var device = new Option<string>("--device") { Description = "the wearer: the device's display name or its id (hex)", Required = true };
        var name = new Option<string>("--name") { Description = "what the programme is called, e.g. \"hamstring stretches\"", Required = true };
        var kind = new Option<string>("--kind") { Description = "release, stretch or strengthen", Required = true };
        var targets = new Option<string>("--targets") { Description = "target muscles, separated by commas, e.g. \"hamstrings,hip flexors\"", Required = true };
        var start = new Option<string>("--start") { Description = "first day, yyyy-MM-dd", Required = true };
        var end = new Option<string?>("--end") { Description = "last day, yyyy-MM-dd (default: open; 'programme end' ends it later)" };
        var perWeek = new Option<int>("--per-week") { Description = "planned sessions per week (0–50)", Required = true };
        var command = new Command("add", "record a new programme and print its id") { device, name, kind, targets, start, end, perWeek };
        common.AddTo(command);
        command.SetAction(async (parse, cancel) => await WithStoreAsync(parse, common, clock, mustExist: false, Console.Out, Console.Error, async (access, output, errors) =>
        {
            if (!VocabularyText.TryParse(parse.GetValue(kind)!.Trim(), out ExerciseKind exerciseKind))
            {
                return await UsageAsync(errors, $"--kind '{parse.GetValue(kind)}' is not valid; use release, stretch or strengthen");
            }

            if (!TryDate("--start", parse.GetValue(start)!, out DateOnly first, out string? error))
            {
                return await UsageAsync(errors, error);
            }

            DateOnly? last = null;
            if (parse.GetValue(end) is { } endText)
            {
                if (!TryDate("--end", endText, out DateOnly day, out error))
                {
                    return await UsageAsync(errors, error);
                }

                last = day;
            }

            var (series, deviceError) = await DeviceChoice.ResolveAsync(access.Trends, parse.GetValue(device)!, cancel);
            if (series is null)
            {
                return await UsageAsync(errors, deviceError!);
            }

            string[] muscles = parse.GetValue(targets)!.Split(',', StringSplitOptions.TrimEntries);
            var row = await access.Book.AddAsync(series, parse.GetValue(name)!, exerciseKind, muscles, first, last, parse.GetValue(perWeek), cancel);
            await access.FlushAsync(TimeSpan.FromSeconds(30), cancel);
            await output.WriteLineAsync($"programme {row.ProgrammeId} added: {Describe(row)}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command List(TimeProvider clock)
    {
        var common = new ProgrammeCommandOptions();
        var device = new Option<string?>("--device") { Description = "only this wearer: the device's display name or its id (hex); default: all" };
        var command = new Command("list", "print the recorded programmes, one a line") { device };
        common.AddTo(command);
        command.SetAction(async (parse, cancel) => await WithStoreAsync(parse, common, clock, mustExist: true, Console.Out, Console.Error, async (access, output, errors) =>
        {
            string? deviceId = null;
            if (parse.GetValue(device) is { } text)
            {
                var (series, deviceError) = await DeviceChoice.ResolveAsync(access.Trends, text, cancel);
                if (series is null)
                {
                    return await UsageAsync(errors, deviceError!);
                }

                deviceId = series.DeviceIdHex;
            }

            var programmes = await access.Programmes.ProgrammesAsync(deviceId, cancel);
            if (programmes.Count == 0)
            {
                await output.WriteLineAsync($"No programmes recorded in {access.Shown}.");
            }

            foreach (var programme in programmes)
            {
                await output.WriteLineAsync($"{programme.ProgrammeId}  {Describe(programme)}");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command End(TimeProvider clock)
    {
        var common = new ProgrammeCommandOptions();
        var programme = new Option<long>("--programme") { Description = "the programme's id (see 'programme list')", Required = true };
        var end = new Option<string?>("--end") { Description = "its last day, yyyy-MM-dd (default: today in --tz)" };
        var command = new Command("end", "end a programme on a given day") { programme, end };
        common.AddTo(command);
        command.SetAction(async (parse, cancel) => await WithStoreAsync(parse, common, clock, mustExist: true, Console.Out, Console.Error, async (access, output, errors) =>
        {
            DateOnly last = Storage.Trends.TrendCalendar.LocalDate(clock.GetUtcNow().UtcDateTime, access.Book.Zone);
            if (parse.GetValue(end) is { } text && !TryDate("--end", text, out last, out string? error))
            {
                return await UsageAsync(errors, error);
            }

            var row = await access.Book.EndAsync(parse.GetValue(programme), last, cancel);
            await access.FlushAsync(TimeSpan.FromSeconds(30), cancel);
            await output.WriteLineAsync($"programme {row.ProgrammeId} ended: {Describe(row)}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>
    /// Opens the store of <paramref name="common"/>'s options, runs <paramref name="action"/> and maps what can go wrong:
    /// a bad value (<see cref="ProgrammeException"/>) is exit 2, a store that fails while recording is exit 1.
    /// </summary>
    internal static async Task<int> WithStoreAsync(
        ParseResult parse, ProgrammeCommandOptions common, TimeProvider clock, bool mustExist, TextWriter output, TextWriter errors,
        Func<ProgrammeStoreAccess, TextWriter, TextWriter, Task<int>> action, string me = Me)
    {
        if (!TimeRangeOptions.TryParseZone(parse.GetValue(common.Zone), TimeZoneInfo.Local, out TimeZoneInfo? zone, out string? zoneError))
        {
            await errors.WriteLineAsync($"{me}: {zoneError}");
            return ExitCodes.Usage;
        }

        string uri = ProgrammeStoreAccess.UriFor(parse.GetValue(common.Store), parse.GetValue(common.DataDirectory));
        var (access, openError, exit) = ProgrammeStoreAccess.Open(uri, zone, clock, mustExist);
        if (access is null)
        {
            await errors.WriteLineAsync($"{me}: {openError}");
            return exit;
        }

        await using (access)
        {
            try
            {
                return await action(access, output, new PrefixedErrors(errors, me));
            }
            catch (ProgrammeException e)
            {
                await errors.WriteLineAsync($"{me}: {e.Message}");
                return ExitCodes.Usage;
            }
            catch (Exception e) when (e is HttpRequestException or Storage.Trends.InfluxQueryException or IOException or Microsoft.Data.Sqlite.SqliteException or OperationCanceledException)
            {
                await errors.WriteLineAsync($"{me}: {access.Shown}: {e.Message}");
                return ExitCodes.RuntimeFailure;
            }
        }
    }

    internal static bool TryDate(string option, string text, out DateOnly date, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        error = DateOnly.TryParseExact(text.Trim(), ProgrammeRecord.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            ? null
            : $"{option} '{text}' is not a date; give yyyy-MM-dd, e.g. 2026-03-01";
        return error is null;
    }

    internal static string Describe(ProgrammeRow p)
    {
        string device = p.Device.Length > 0 ? $"{p.Device} ({p.DeviceId})" : p.DeviceId;
        string dates = p.End is DateOnly end
            ? $"{p.Start.ToString(ProgrammeRecord.DateFormat, CultureInfo.InvariantCulture)} to {end.ToString(ProgrammeRecord.DateFormat, CultureInfo.InvariantCulture)}"
            : $"from {p.Start.ToString(ProgrammeRecord.DateFormat, CultureInfo.InvariantCulture)}, open";
        return string.Create(CultureInfo.InvariantCulture,
            $"\"{p.Name}\" — {VocabularyText.ToText(p.Kind)} {string.Join(", ", p.Targets)} — {device} — {dates} — {p.SessionsPerWeek} sessions a week");
    }

    private static async Task<int> UsageAsync(TextWriter errors, string message)
    {
        await errors.WriteLineAsync(message);
        return ExitCodes.Usage;
    }

    /// <summary>The errors writer an action gets: each line it writes starts with the command's name.</summary>
    private sealed class PrefixedErrors(TextWriter inner, string me) : TextWriter
    {
        public override System.Text.Encoding Encoding => inner.Encoding;

        public override Task WriteLineAsync(string? value) => inner.WriteLineAsync($"{me}: {value}");

        public override void WriteLine(string? value) => inner.WriteLine($"{me}: {value}");
    }
}
