using System.CommandLine;
using System.Reactive.Linq;
using PostureStream.Cli.Configuration;
using PostureStream.Cli.Run;
using PostureStream.Signals;

namespace PostureStream.Cli.Commands;

/// <summary>
/// <c>posturestream calibrate --source URI [--sitting]</c>: guided neutral calibration (DESIGN §5). Opens the
/// source, asks the wearer to stand (or sit) still, takes the median of 5 quiet seconds and stores it
/// per device id, where <c>run</c> finds it.
/// </summary>
public static class CalibrateCommand
{
    public static Command Create()
    {
        var source = new Option<string>("--source") { Description = "the sensor: serial:PATH|serial:auto, tcp://HOST:PORT, ble:ADDRESS, sim:NAME or file:PATH", Required = true };
        var sitting = new Option<bool>("--sitting") { Description = "take the sitting neutral (sit upright and comfortable) instead of the standing one" };
        var timeout = new Option<int>("--timeout") { Description = "give up after this many seconds without 5 quiet seconds", DefaultValueFactory = _ => 120 };
        var dataDirectory = new Option<string?>("--data-dir") { Description = "where calibration is stored (default $XDG_DATA_HOME/posturestream)" };
        var command = new Command("calibrate", "take the wearer's standing (or sitting) neutral and store it for the device") { source, sitting, timeout, dataDirectory };
        command.SetAction((parse, cancel) => RunAsync(
            parse.GetValue(source)!, parse.GetValue(sitting), TimeSpan.FromSeconds(parse.GetValue(timeout)), parse.GetValue(dataDirectory), cancel));
        return command;
    }

    private static async Task<int> RunAsync(string source, bool sitting, TimeSpan timeout, string? dataDirectory, CancellationToken cancel)
    {
        if (timeout <= TimeSpan.Zero)
        {
            await Console.Error.WriteLineAsync($"posturestream calibrate: --timeout {timeout.TotalSeconds} is not positive; give a number of seconds such as 120");
            return ExitCodes.Usage;
        }

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
            await Console.Error.WriteLineAsync($"posturestream calibrate: no 5 quiet seconds within {timeout.TotalSeconds:0} s (the pitch must vary by less than 1°); try again and hold still");
            return ExitCodes.RuntimeFailure;
        }

        await Console.Out.WriteLineAsync($"{kind} neutral stored for device {taken.DeviceId:x16}.");
        return ExitCodes.Ok;
    }
}
