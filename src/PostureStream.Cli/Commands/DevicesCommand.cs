using PostureStream.Devices.Ble;
using System.CommandLine;
using PostureStream.Devices.Discovery;
using PostureStream.Devices.Serial;
using PostureStream.Protocol;

namespace PostureStream.Cli.Commands;

/// <summary><c>posturestream devices [--json] [--probe] [--baud N]</c>: the serial ports that could be sources.</summary>
public static class DevicesCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "print the ports as a JSON array instead of a table" };
        var probe = new Option<bool>("--probe") { Description = "send IDENTIFY to every port and show which PSP device answers (waits up to 2 s)" };
        var baud = new Option<int>("--baud") { Description = "baud rate for --probe", DefaultValueFactory = _ => BaudRates.Default };
        var ble = new Option<bool>("--ble") { Description = "scan for BLE devices with the Nordic UART Service instead (through BlueZ), with their signal strength" };
        var scanSeconds = new Option<int>("--scan-seconds") { Description = "how long --ble scans, in seconds (1 to 120)", DefaultValueFactory = _ => 5 };
        var command = new Command("devices", "list the serial ports (USB and on-board UARTs), or with --ble the BLE sensors, that could be sources") { json, probe, baud, ble, scanSeconds };
        command.SetAction((parse, cancel) => parse.GetValue(ble)
            ? BleDevicesListing.RunAsync(new BleScanOptions { Duration = TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(scanSeconds), 1, 120)) }, Console.Out, Console.Error, cancel)
            : RunAsync(new SerialPortDiscovery(), parse.GetValue(json), parse.GetValue(probe), parse.GetValue(baud), Console.OpenStandardOutput(), Console.Out, Console.Error, cancel));
        return command;
    }

    public static async Task<int> RunAsync(SerialPortDiscovery discovery, bool asJson, bool probe, int baudRate, Stream rawOutput, TextWriter output, TextWriter errors, CancellationToken cancel)
    {
        if (baudRate < BaudRates.Standard[0] || baudRate > BaudRates.Maximum)
        {
            await errors.WriteLineAsync($"posturestream devices: --baud {baudRate} is not a usable baud rate; use one of {BaudRates.StandardList}");
            return ExitCodes.Usage;
        }

        IReadOnlyList<SerialPortInfo> ports = discovery.FindPorts();
        HelloMessage?[] answers = probe && ports.Count > 0
            ? await SerialAutoProbe.ProbeEachAsync(ports, baudRate, SerialAutoProbe.DefaultTimeout, TimeProvider.System, cancel)
            : new HelloMessage?[ports.Count];
        PortListingEntry[] entries = [.. ports.Select((p, i) => new PortListingEntry(p, OperatingSystem.IsLinux() ? SerialPortOpener.CheckAccess(p.DevicePath) : null, answers[i]))];

        if (asJson)
        {
            PortListing.WriteJson(rawOutput, entries);
            await rawOutput.WriteAsync("\n"u8.ToArray(), cancel);
            await rawOutput.FlushAsync(cancel);
            return ExitCodes.Ok;
        }

        if (entries.Length == 0)
        {
            await output.WriteLineAsync(discovery.DescribePorts());
            return ExitCodes.Ok;
        }

        PortListing.WriteTable(output, entries, probe);
        foreach (string problem in entries.Select(e => e.AccessProblem).OfType<string>().Distinct())
        {
            await output.WriteLineAsync(problem);
        }

        await output.WriteLineAsync("Read a sensor with: posturestream run --source serial:PATH (or --source serial:auto)");
        return ExitCodes.Ok;
    }
}
