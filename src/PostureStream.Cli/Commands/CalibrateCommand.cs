using System.CommandLine;
using System.Globalization;
using System.Reactive.Linq;
using PostureStream.Cli.Configuration;
using PostureStream.Cli.Run;
using PostureStream.Devices.Links;
using PostureStream.Devices.Sources;
using PostureStream.Signals;

namespace PostureStream.Cli.Commands;

/// <summary>
/// <c>posturestream calibrate --source URI [--sitting]</c>: guided neutral calibration. Opens the source, asks the
/// wearer to stand (or sit) still, takes the median of 5 quiet seconds and stores it per device id, where
/// <c>run</c> finds it. <c>--show</c> prints the saved neutrals and <c>--forget --device ID</c> drops a wrong one
/// (see <see cref="SavedNeutrals"/>). <c>calibrate --wearer NAME --lumbar URI --pelvis URI</c> guides a wearer of two
/// sensors through the functional calibration instead (<see cref="WearerCalibrationSession"/>).
/// </summary>
public static class CalibrateCommand
{
    /// <summary>The prefix of every message of this command.</summary>
    internal const string Prefix = "posturestream calibrate: ";

    public static Command Create()
    {
        var source = new Option<string?>("--source") { Description = "the sensor to calibrate (needed to take a neutral): serial:PATH|serial:auto, tcp://HOST:PORT, ble:ADDRESS, sim:NAME or file:PATH" };
        var sitting = new Option<bool>("--sitting") { Description = "take (or, with --forget, drop only) the sitting neutral instead of the standing one" };
        var timeout = new Option<int>("--timeout") { Description = "give up after this many seconds without 5 quiet seconds", DefaultValueFactory = _ => 120 };
        var dataDirectory = new Option<string?>("--data-dir") { Description = "where calibration is stored (default $XDG_DATA_HOME/posturestream)" };
        var show = new Option<bool>("--show") { Description = "print the saved neutrals of every device (or of --device) and exit" };
        var forget = new Option<bool>("--forget") { Description = "drop the saved neutrals of --device (only the sitting one with --sitting) and exit" };
        var device = new Option<string?>("--device") { Description = "the device id for --show/--forget: the 16 hex digits that calibrate, run and --show print" };
        var wearer = new Option<string?>("--wearer") { Description = "a wearer of two WitMotion sensors, by name (with --lumbar and --pelvis): guided functional calibration (stand still, one slow bend)" };
        var lumbar = new Option<string?>("--lumbar") { Description = "with --wearer: the lower-back sensor, witmotion-serial:PATH, witmotion-ble:MAC or file:CAPTURE" };
        var pelvis = new Option<string?>("--pelvis") { Description = "with --wearer: the pelvis sensor, witmotion-serial:PATH, witmotion-ble:MAC or file:CAPTURE" };
        var command = new Command("calibrate", "take the wearer's standing (or sitting) neutral and store it for the device; or show or forget the saved ones")
        {
            source, sitting, timeout, dataDirectory, show, forget, device, wearer, lumbar, pelvis,
        };
        command.SetAction((parse, cancel) =>
        {
            var request = new CalibrateRequest(
                parse.GetValue(source),
                parse.GetValue(sitting),
                parse.GetValue(timeout),
                parse.GetValue(dataDirectory),
                parse.GetValue(show),
                parse.GetValue(forget),
                parse.GetValue(device));
            return parse.GetValue(wearer) is not null || parse.GetValue(lumbar) is not null || parse.GetValue(pelvis) is not null
                ? CalibrateWearerAsync(parse.GetValue(wearer), parse.GetValue(lumbar), parse.GetValue(pelvis), request, cancel)
                : DispatchAsync(request, cancel);
        });
        return command;
    }

    private static async Task<int> DispatchAsync(CalibrateRequest request, CancellationToken cancel)
    {
        string? usage = request.UsageError();
        if (usage is not null)
        {
            await Console.Error.WriteLineAsync(Prefix + usage);
            return ExitCodes.Usage;
        }

        ulong? deviceId = null;
        if (request.Device is not null)
        {
            if (!SavedNeutrals.TryParseDeviceId(request.Device, out ulong id))
            {
                await Console.Error.WriteLineAsync($"{Prefix}--device '{request.Device}' is not a device id; give its 16 hex digits as calibrate --show prints them, e.g. 00000000cafe0001");
                return ExitCodes.Usage;
            }

            deviceId = id;
        }

        string dataDirectory = new RunSettings { DataDirectory = request.DataDirectory }.ResolveDataDirectory();
        var saved = new SavedNeutrals(new JsonFileCalibrationStore(Path.Combine(dataDirectory, "calibration")), Console.Out, Console.Error);
        if (request.Show)
        {
            return await saved.ShowAsync(deviceId);
        }

        if (request.Forget)
        {
            return await saved.ForgetAsync(deviceId!.Value, request.Sitting);
        }

        return await TakeAsync(request.Source!, request.Sitting, TimeSpan.FromSeconds(request.TimeoutSeconds), request.DataDirectory, cancel);
    }

    /// <summary>Attempts of the functional calibration before <c>calibrate --wearer</c> gives up.</summary>
    private const int WearerAttempts = 3;

    private static async Task<int> CalibrateWearerAsync(string? name, string? lumbar, string? pelvis, CalibrateRequest other, CancellationToken cancel)
    {
        string? usage = other.Source is not null ? "--wearer calibrates two sensors; --source names a PSP device: give one or the other"
            : other.Sitting ? "--sitting takes a PSP device's sitting neutral; a wearer's sitting neutral is taken by the dashboard's Calibrate sitting while run is going"
            : other.Show || other.Forget || other.Device is not null ? "--show, --forget and --device read or drop saved neutrals; use them without --wearer"
            : other.TimeoutSeconds <= 0 ? $"--timeout {other.TimeoutSeconds} is not positive; give a number of seconds such as 120"
            : null;
        if (usage is not null)
        {
            await Console.Error.WriteLineAsync(Prefix + usage);
            return ExitCodes.Usage;
        }

        try
        {
            WearerSettings wearer = WearerOption.Read(name, lumbar, pelvis)!;
            string dataDirectory = new RunSettings { DataDirectory = other.DataDirectory }.ResolveDataDirectory();
            DataDirectory.EnsureWritable(dataDirectory);
            await using var session = new WearerCalibrationSession(wearer, dataDirectory, WearerAttempts, Console.Out, TimeProvider.System);
            return await session.RunAsync(TimeSpan.FromSeconds(other.TimeoutSeconds), cancel);
        }
        catch (Exception e) when (e is ConfigurationException or SourceUriException or SourceOpenException)
        {
            await Console.Error.WriteLineAsync(Prefix + e.Message);
            return ExitCodes.Usage;
        }
    }

    private static async Task<int> TakeAsync(string source, bool sitting, TimeSpan timeout, string? dataDirectory, CancellationToken cancel)
    {
        var settings = new RunSettings { Sources = [new SourceSettings { Uri = source }], DataDirectory = dataDirectory, NoDashboard = true };
        settings.Buzz.Enabled = false;
        NeutralKind kind = sitting ? NeutralKind.Sitting : NeutralKind.Standing;
        await Console.Out.WriteLineAsync(sitting
            ? "Sit upright and comfortable, feet on the floor, and hold still for 5 seconds."
            : "Stand up straight and relaxed, arms by your sides, and hold still for 5 seconds.");

        using var within = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        within.CancelAfter(timeout);
        CalibrationNotice? taken = null;
        int exit = await RunHost.RunAsync(settings, TimeProvider.System, within.Token, pipeline =>
        {
            pipeline.Calibration.Request(kind);
            pipeline.Calibration.Notices
                .Where(n => n.Kind == CalibrationNoticeKind.Taken && n.Neutral == kind)
                .Take(1)
                .Subscribe(n =>
                {
                    taken = n;
                    within.Cancel();
                });
        },
        openStores: false);

        if (exit != ExitCodes.Ok)
        {
            return exit;
        }

        if (taken is null)
        {
            await Console.Error.WriteLineAsync($"{Prefix}no 5 quiet seconds within {timeout.TotalSeconds:0} s (the pitch must vary by less than 1°); try again and hold still");
            return ExitCodes.RuntimeFailure;
        }

        await Console.Out.WriteLineAsync($"{kind} neutral stored for device {taken.DeviceId:x16}{Coverage(taken.Window)}.");
        return ExitCodes.Ok;
    }

    /// <summary>How much of the window arrived, when the link lost some of it.</summary>
    private static string Coverage(WindowCoverage? window) =>
        window is { } w && (w.Points < w.NominalPoints || w.BridgedGaps > 0)
            ? string.Create(CultureInfo.InvariantCulture, $" (from {w.Points} of {w.NominalPoints} points: the link lost some samples, {w.BridgedGaps} short gap(s) bridged)")
            : "";

    /// <summary>What the command line asked for, before any file or device is touched.</summary>
    private sealed record CalibrateRequest(string? Source, bool Sitting, int TimeoutSeconds, string? DataDirectory, bool Show, bool Forget, string? Device)
    {
        /// <summary>The first contradiction on the command line, or null.</summary>
        public string? UsageError()
        {
            if (Show && Forget)
            {
                return "--show and --forget cannot be combined; use one at a time";
            }

            if ((Show || Forget) && Source is not null)
            {
                return $"--{(Show ? "show" : "forget")} reads the saved neutrals and needs no --source; name the device with --device ID";
            }

            if (Forget && Device is null)
            {
                return "--forget needs --device ID: the 16 hex digits of the device, as calibrate --show prints them";
            }

            if (!Show && !Forget && Device is not null)
            {
                return "--device names a device for --show or --forget; to take a neutral give --source URI";
            }

            if (!Show && !Forget && string.IsNullOrWhiteSpace(Source))
            {
                return "--source URI is required to take a neutral (e.g. --source serial:auto); or use --show, or --forget --device ID";
            }

            if (!Show && !Forget && TimeoutSeconds <= 0)
            {
                return $"--timeout {TimeoutSeconds} is not positive; give a number of seconds such as 120";
            }

            return null;
        }
    }
}
