using System.Globalization;
using PostureStream.Devices.Ble;

namespace PostureStream.Cli.Commands;

/// <summary><c>devices --ble</c>: nearby BLE sensors, strongest first: PSP devices (Nordic UART Service) and WitMotion sensors.</summary>
public static class BleDevicesListing
{
    public static async Task<int> RunAsync(BleScanOptions options, TextWriter output, TextWriter errors, CancellationToken cancel)
    {
        if (!OperatingSystem.IsLinux())
        {
            await errors.WriteLineAsync("posturestream devices --ble: BLE needs BlueZ, which only Linux has; on this platform connect the sensor by USB and list it with 'posturestream devices'");
            return ExitCodes.Usage;
        }

        IReadOnlyList<BleDeviceInfo> devices;
        try
        {
            devices = await BleScanner.ListSensorsAsync(options, cancel);
        }
        catch (BleException e)
        {
            await errors.WriteLineAsync($"posturestream devices --ble: {e.Message}");
            return ExitCodes.RuntimeFailure;
        }

        if (devices.Count == 0)
        {
            await output.WriteLineAsync($"no BLE sensor (Nordic UART Service, or WitMotion) seen in {options.Duration.TotalSeconds:0} s (is it on, advertising and in range?)");
            return ExitCodes.Ok;
        }

        await output.WriteLineAsync($"{"ADDRESS",-18}  {"RSSI",8}  {"SOURCE",-32}  NAME");
        foreach (BleDeviceInfo device in devices)
        {
            string rssi = device.Rssi is short r ? r.ToString(CultureInfo.InvariantCulture) + " dBm" : "-";
            await output.WriteLineAsync($"{device.Address,-18}  {rssi,8}  {device.Source,-32}  {device.Name ?? "-"}");
        }

        await output.WriteLineAsync("Read a PSP device with: posturestream run --source ble:ADDRESS; two WitMotion sensors as one wearer with --lumbar witmotion-ble:ADDRESS --pelvis witmotion-ble:ADDRESS");
        return ExitCodes.Ok;
    }
}
