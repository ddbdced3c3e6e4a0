using System.CommandLine;
using System.Globalization;
using PostureStream.Cli.Programmes;
using PostureStream.Cli.Simulate;
using PostureStream.Simulation.Weeks;
using PostureStream.Storage.Points;

namespace PostureStream.Cli.Commands;

/// <summary>
/// <c>posturestream simulate-weeks --pattern P [--weeks N] [--programme-day D|--no-programme] [--programme-effect DEG]
/// [--ramp-days N] [--per-week N] [--adherence A] [--seed S] [--first-day DATE] [--device-name N] [--device-id HEX] [--store URI]</c>:
/// weeks of a simulated wearer written into a store as <c>run</c> would have stored them (per-minute summaries, bends,
/// daily neutrals) with a programme and its sessions, for a physiotherapist's review on the dashboard or in a report.
/// </summary>
public static class SimulateWeeksCommand
{
    private const string Me = "posturestream simulate-weeks";

    private static readonly (string Name, WearerType Type)[] Patterns =
    [
        ("tight-hamstring", WearerType.TightHamstring),
        ("weak-hamstring", WearerType.WeakHamstring),
        ("mixed", WearerType.Mixed),
        ("balanced", WearerType.Balanced),
    ];

    public static Command Create(TimeProvider? time = null)
    {
        var clock = time ?? TimeProvider.System;
        var common = new ProgrammeCommandOptions();
        var pattern = new Option<string>("--pattern") { Description = $"the wearer's pattern: {string.Join(", ", Patterns.Select(p => p.Name))}", Required = true };
        var weeks = new Option<int>("--weeks") { Description = "how many weeks (1–52)", DefaultValueFactory = _ => 6 };
        var firstDay = new Option<string?>("--first-day") { Description = "the first simulated day, yyyy-MM-dd (default 2026-03-01)" };
        var programmeDay = new Option<int>("--programme-day") { Description = "the day the programme starts, counted from 0 (two weeks of baseline first)", DefaultValueFactory = _ => 14 };
        var noProgramme = new Option<bool>("--no-programme") { Description = "simulate no programme (and no sessions)" };
        var effect = new Option<double>("--programme-effect") { Description = "true change of the habitual standing pelvic tilt at full effect, degrees (positive = anterior)", DefaultValueFactory = _ => 0.0 };
        var ramp = new Option<int>("--ramp-days") { Description = "days over which the effect builds up (0 = at once)", DefaultValueFactory = _ => 14 };
        var perWeek = new Option<int>("--per-week") { Description = "planned sessions per week (0–7)", DefaultValueFactory = _ => 3 };
        var adherence = new Option<double>("--adherence") { Description = "share of planned sessions done (0–1)", DefaultValueFactory = _ => 0.85 };
        var seed = new Option<int>("--seed") { Description = "seed of every random choice; the same seed gives the same weeks", DefaultValueFactory = _ => 1 };
        var deviceName = new Option<string>("--device-name") { Description = "the wearer's device name", DefaultValueFactory = _ => "physio-demo" };
        var deviceId = new Option<string>("--device-id") { Description = "the wearer's device id (hex)", DefaultValueFactory = _ => "0123456789abcdef" };
        var command = new Command("simulate-weeks", "write weeks of a simulated wearer with a programme into a store (summaries, bends, neutrals, programme, sessions)")
        {
            pattern, weeks, firstDay, programmeDay, noProgramme, effect, ramp, perWeek, adherence, seed, deviceName, deviceId,
        };
        common.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            TextWriter errors = Console.Error;
            string patternText = parse.GetValue(pattern)!;
            if (Patterns.FirstOrDefault(p => p.Name == patternText) is not { Name: not null } chosen)
            {
                return await UsageAsync(errors, $"--pattern '{patternText}' is not valid; use {string.Join(", ", Patterns.Select(p => p.Name))}");
            }

            int days = parse.GetValue(weeks) * 7;
            int startDay = parse.GetValue(programmeDay);
            var profile = new WeeksProfile
            {
                Type = chosen.Type,
                Days = days,
                ProgrammeStartDay = parse.GetValue(noProgramme) ? null : startDay,
                EffectDegrees = parse.GetValue(effect),
                RampDays = parse.GetValue(ramp),
            };
            if (parse.GetValue(firstDay) is { } firstText)
            {
                if (!ProgrammeCommand.TryDate("--first-day", firstText, out DateOnly first, out string? dateError))
                {
                    return await UsageAsync(errors, dateError);
                }

                profile = profile with { FirstDay = first };
            }

            string? problem = parse.GetValue(weeks) is < 1 or > 52 ? $"--weeks {parse.GetValue(weeks)} is not valid; give 1 to 52"
                : profile.ProgrammeStartDay is int d && (d < 0 || d >= days) ? $"--programme-day {d} is not valid; give 0 to {days - 1} (a day of the {days} simulated)"
                : parse.GetValue(ramp) < 0 ? $"--ramp-days {parse.GetValue(ramp)} is not valid; give 0 or more"
                : parse.GetValue(perWeek) is < 0 or > 7 ? $"--per-week {parse.GetValue(perWeek)} is not valid; give 0 to 7"
                : parse.GetValue(adherence) is < 0 or > 1 || double.IsNaN(parse.GetValue(adherence)) ? $"--adherence {parse.GetValue(adherence).ToString(CultureInfo.InvariantCulture)} is not valid; give 0 to 1"
                : !double.IsFinite(parse.GetValue(effect)) || Math.Abs(parse.GetValue(effect)) > 20 ? $"--programme-effect {parse.GetValue(effect).ToString(CultureInfo.InvariantCulture)} is not valid; give -20 to 20 degrees"
                : !SavedNeutrals.TryParseDeviceId(parse.GetValue(deviceId)!, out _) ? $"--device-id '{parse.GetValue(deviceId)}' is not 1–16 hex digits"
                : null;
            if (problem is not null)
            {
                return await UsageAsync(errors, problem);
            }

            _ = SavedNeutrals.TryParseDeviceId(parse.GetValue(deviceId)!, out ulong id);
            var device = new DeviceSeries(parse.GetValue(deviceName)!, id);
            var plan = new SessionPlan(parse.GetValue(perWeek), parse.GetValue(adherence));
            return await ProgrammeCommand.WithStoreAsync(parse, common, clock, mustExist: false, Console.Out, errors, async (access, output, _) =>
            {
                var simulated = WeeksSimulator.Generate(profile, parse.GetValue(seed));
                var sessions = plan.Generate(profile, parse.GetValue(seed));
                var (programme, points) = await WeeksToStore.WriteAsync(simulated, plan, sessions, device, access.Book, access.Store, cancel);
                await access.FlushAsync(TimeSpan.FromMinutes(5), cancel);
                var last = profile.FirstDay.AddDays(days - 1);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"wrote {points} points to {access.Shown}: {device.Name} ({device.DeviceIdHex}), {chosen.Name}, {profile.FirstDay:yyyy-MM-dd} to {last:yyyy-MM-dd} (UTC)"));
                if (programme is not null)
                {
                    await output.WriteLineAsync($"programme {programme.ProgrammeId}: {ProgrammeCommand.Describe(programme)}; {sessions.Count} sessions");
                }

                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"truth: pattern {simulated.Truth.Pattern}; standing pelvic tilt changes by {profile.EffectDegrees:+0.0;-0.0;0}° from the programme start over {profile.RampDays} days"));
                return ExitCodes.Ok;
            }, Me);
        });
        return command;
    }

    private static async Task<int> UsageAsync(TextWriter errors, string message)
    {
        await errors.WriteLineAsync($"{Me}: {message}");
        return ExitCodes.Usage;
    }
}
