using System.Globalization;
using PostureStream.Devices.Ble;

namespace PostureStream.Cli.Commands;

/// <summary><c>devices --ble</c>: nearby BLE devices advertising the Nordic UART Service, strongest first.</summary>
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
            devices = await BleScanner.ListNusDevicesAsync(options, cancel);
        }
        catch (BleException e)
        {
            await errors.WriteLineAsync($"posturestream devices --ble: {e.Message}");
            return ExitCodes.RuntimeFailure;
        }

        if (devices.Count == 0)
        {
            await output.WriteLineAsync($"no BLE device with the Nordic UART Service seen in {options.Duration.TotalSeconds:0} s (is it on, advertising and in range?)");
            return ExitCodes.Ok;
        }

        await output.WriteLineAsync($"{"ADDRESS",-18}  {"RSSI",5}  NAME");
        foreach (BleDeviceInfo device in devices)
        {
            string rssi = device.Rssi is short r ? r.ToString(CultureInfo.InvariantCulture) + " dBm" : "-";
            await output.WriteLineAsync($"{device.Address,-18}  {rssi,8}  {device.Name ?? "-"}");
        }

        await output.WriteLineAsync("Read one with: posturestream run --source ble:ADDRESS");
        return ExitCodes.Ok;
    }
}
