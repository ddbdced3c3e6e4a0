using System.CommandLine;
using PostureStream.Cli.Configuration;
using PostureStream.Cli.Run;

namespace PostureStream.Cli.Commands;

/// <summary><c>posturestream run</c>: ingest, detect, alert, store, serve the dashboard.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var sources = new Option<string[]>("--source") { Description = "a source URI: serial:PATH|serial:auto, tcp://HOST:PORT, file:PATH, sim:NAME, ble:ADDRESS (repeat for several devices)", AllowMultipleArgumentsPerToken = false };
        var stores = new Option<string[]>("--store") { Description = "a store URI: sqlite:PATH, influxdb-v1:|influxdb-v2:|influxdb-v3:http://HOST:PORT?... (repeat to write to several; default: the embedded SQLite file)" };
        var deviceName = new Option<string?>("--device-name") { Description = "the display name of the device when there is one source" };
        var alertsOut = new Option<string?>("--alerts-out") { Description = "write alerts as JSON Lines to FILE, or to stdout with '-'" };
        var dashboard = new Option<string?>("--dashboard") { Description = "the dashboard's listen URL (default http://127.0.0.1:5080)" };
        var tokenFile = new Option<string?>("--token-file") { Description = "a file whose first line is the token every dashboard request must carry (required when --dashboard is not loopback)" };
        var noDashboard = new Option<bool>("--no-dashboard") { Description = "do not serve the dashboard" };
        var config = new Option<string?>("--config") { Description = "a JSON configuration file (overridden by POSTURESTREAM__* variables, then by options)" };
        var quiet = new Option<bool>("--quiet") { Description = "print only warnings and errors" };
        var printConfig = new Option<bool>("--print-config") { Description = "print the effective configuration (secrets masked) and exit" };
        var noBuzz = new Option<bool>("--no-buzz") { Description = "never buzz the device (alerts are still recorded)" };
        var notify = new Option<bool>("--notify") { Description = "also show alerts that would buzz as desktop notifications (the terminal bell without a desktop): for sensors that cannot buzz" };
        var wearer = new Option<string?>("--wearer") { Description = "a wearer of two WitMotion sensors, by name (with --lumbar and --pelvis)" };
        var lumbar = new Option<string?>("--lumbar") { Description = "with --wearer: the lower-back sensor, witmotion-serial:PATH, witmotion-ble:MAC or file:CAPTURE" };
        var pelvis = new Option<string?>("--pelvis") { Description = "with --wearer: the pelvis sensor, witmotion-serial:PATH, witmotion-ble:MAC or file:CAPTURE" };
        var buzzer = new Option<string?>("--buzzer") { Description = "with --wearer: a PSP device that buzzes for the wearer, serial:PORT, tcp://HOST:PORT or ble:ADDRESS" };
        var dataDirectory = new Option<string?>("--data-dir") { Description = "where calibration, the spool and the embedded SQLite store live (default $XDG_DATA_HOME/posturestream)" };

        var command = new Command("run", "ingest, detect, alert, store and serve the dashboard")
        {
            sources, stores, deviceName, alertsOut, dashboard, tokenFile, noDashboard, config, quiet, printConfig, noBuzz, notify, dataDirectory, wearer, lumbar, pelvis, buzzer,
        };

        command.SetAction(async (parse, cancel) =>
        {
            var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            AddIf(overrides, "DeviceName", parse.GetValue(deviceName));
            AddIf(overrides, "AlertsOut", parse.GetValue(alertsOut));
            AddIf(overrides, "Dashboard", parse.GetValue(dashboard));
            AddIf(overrides, "DashboardTokenFile", parse.GetValue(tokenFile));
            AddIf(overrides, "DataDirectory", parse.GetValue(dataDirectory));
            AddFlag(overrides, "NoDashboard", parse.GetValue(noDashboard));
            AddFlag(overrides, "Quiet", parse.GetValue(quiet));
            AddFlag(overrides, "Notify", parse.GetValue(notify));
            if (parse.GetValue(noBuzz))
            {
                overrides["Buzz:Enabled"] = "false";
            }

            RunSettings settings;
            try
            {
                WearerSettings? givenWearer = WearerOption.Read(parse.GetValue(wearer), parse.GetValue(lumbar), parse.GetValue(pelvis), parse.GetValue(buzzer));
                settings = SettingsBinder.Bind(
                    ConfigurationLoader.Load(parse.GetValue(config), overrides),
                    parse.GetValue(sources) ?? [],
                    parse.GetValue(stores) ?? []);
                if (givenWearer is not null)
                {
                    // Like --source, a wearer on the command line replaces the file's list.
                    settings.Wearers = [givenWearer];
                    if (parse.GetValue(sources) is not { Length: > 0 })
                    {
                        settings.Sources = [];
                    }
                }
                if (parse.GetValue(printConfig))
                {
                    await Console.Out.WriteLineAsync(SettingsPrinter.Print(settings));
                    return ExitCodes.Ok;
                }

                settings.Validate();
                StartupChecks.Check(settings);
            }
            catch (ConfigurationException e)
            {
                await Console.Error.WriteLineAsync($"posturestream run: {e.Message}");
                return ExitCodes.Usage;
            }

            return await RunHost.RunAsync(settings, TimeProvider.System, cancel);
        });
        return command;
    }

    private static void AddIf(Dictionary<string, string?> overrides, string key, string? value)
    {
        if (value is not null)
        {
            overrides[key] = value;
        }
    }

    private static void AddFlag(Dictionary<string, string?> overrides, string key, bool value)
    {
        if (value)
        {
            overrides[key] = "true";
        }
    }
}
