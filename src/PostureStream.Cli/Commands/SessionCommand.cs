using System.CommandLine;
using System.Globalization;
using PostureStream.Cli.Programmes;

namespace PostureStream.Cli.Commands;

/// <summary>
/// <c>posturestream session add --programme ID [--at TIME] --duration 20m [--note TEXT]</c>: one exercise session of a
/// programme, recorded in the store (<c>programme_session</c>, source <c>cli</c>). <c>--at</c> is read as
/// <c>report</c>'s times are (a local time in <c>--tz</c>, or ISO 8601 with an offset); default: now.
/// </summary>
public static class SessionCommand
{
    private const string Me = "posturestream session";

    public static Command Create(TimeProvider? time = null)
    {
        var clock = time ?? TimeProvider.System;
        var common = new ProgrammeCommandOptions();
        var programme = new Option<long>("--programme") { Description = "the programme's id (see 'programme list')", Required = true };
        var at = new Option<string?>("--at") { Description = "when it was done: yyyy-MM-ddTHH:mm[:ss] in --tz, or ISO 8601 with Z or an offset (default: now)" };
        var duration = new Option<string>("--duration") { Description = $"how long it took: {DurationText.Forms}", Required = true };
        var note = new Option<string?>("--note") { Description = "a note, e.g. how it felt" };
        var add = new Command("add", "record one session of a programme") { programme, at, duration, note };
        common.AddTo(add);
        add.SetAction(async (parse, cancel) => await ProgrammeCommand.WithStoreAsync(parse, common, clock, mustExist: true, Console.Out, Console.Error, async (access, output, errors) =>
        {
            if (!DurationText.TryParse(parse.GetValue(duration)!, out TimeSpan length))
            {
                await errors.WriteLineAsync($"--duration '{parse.GetValue(duration)}' is not a duration; give {DurationText.Forms}");
                return ExitCodes.Usage;
            }

            DateTime when = clock.GetUtcNow().UtcDateTime;
            if (parse.GetValue(at) is { } text && !TimeRangeOptions.TryParseTime("--at", text, access.Book.Zone, out when, out string? error))
            {
                await errors.WriteLineAsync(error);
                return ExitCodes.Usage;
            }

            var session = await access.Book.RecordSessionAsync(parse.GetValue(programme), when, length, parse.GetValue(note), SessionSource.Cli, cancel);
            await access.FlushAsync(TimeSpan.FromSeconds(30), cancel);
            var local = TimeZoneInfo.ConvertTimeFromUtc(session.TimeUtc, access.Book.Zone);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"session recorded: programme {session.ProgrammeId}, {local:yyyy-MM-dd HH:mm} ({access.Book.Zone.Id}), {session.Duration.TotalMinutes:0.#} min{(session.Note is { } n ? $", \"{n}\"" : "")}"));
            return ExitCodes.Ok;
        }, Me));
        return new Command("session", "record exercise sessions of a programme") { add };
    }
}
