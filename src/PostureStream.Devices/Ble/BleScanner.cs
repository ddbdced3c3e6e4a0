using System.Collections.Concurrent;

namespace PostureStream.Devices.Ble;

/// <summary>Discovery of devices advertising the Nordic UART Service.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public static class BleScanner
{
    /// <summary>
    /// Scans for <see cref="BleScanOptions.Duration"/> and lists the NUS devices BlueZ knows under the
    /// adapter, strongest signal first (for the <c>devices</c> command).
    /// </summary>
    public static async Task<IReadOnlyList<BleDeviceInfo>> ListNusDevicesAsync(BleScanOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await ScanAsync(options, byService: true, AdvertisesNus, cancellationToken);
        }
        catch (Exception e) when (BleException.FromFailure(e) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>
    /// Scans like <see cref="ListNusDevicesAsync"/> and lists WitMotion BLE sensors: those advertising the WitMotion
    /// service (<see cref="WitMotionGatt.ServiceUuid"/>) or named "WT…" (not every firmware advertises the service,
    /// so the scan is not filtered by it).
    /// </summary>
    public static async Task<IReadOnlyList<BleDeviceInfo>> ListWitMotionDevicesAsync(BleScanOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await ScanAsync(options, byService: false, IsWitMotion, cancellationToken);
        }
        catch (Exception e) when (BleException.FromFailure(e) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>
    /// One scan for both kinds of sensor PostureStream reads: PSP devices (Nordic UART Service) and WitMotion sensors,
    /// each with its <see cref="BleDeviceInfo.Kind"/> (for <c>devices --ble</c>).
    /// </summary>
    public static async Task<IReadOnlyList<BleDeviceInfo>> ListSensorsAsync(BleScanOptions options, CancellationToken cancellationToken)
    {
        try
        {
            IReadOnlyList<BleDeviceInfo> found = await ScanAsync(options, byService: false, d => AdvertisesNus(d) || IsWitMotion(d), cancellationToken, d => AdvertisesNus(d) ? BleSensorKind.Psp : BleSensorKind.WitMotion);
            return found;
        }
        catch (Exception e) when (BleException.FromFailure(e) is { } failure)
        {
            throw failure;
        }
    }

    private static async Task<IReadOnlyList<BleDeviceInfo>> ScanAsync(BleScanOptions options, bool byService, Func<BlueZProperties, bool> wanted, CancellationToken cancellationToken, Func<BlueZProperties, BleSensorKind>? kind = null)
    {
        await using BlueZClient bluez = await BlueZClient.ConnectAsync(options.BusAddress, options.TimeProvider, cancellationToken);
        BlueZObjects objects = await bluez.GetObjectsAsync(cancellationToken);
        (string adapter, _) = BlueZClient.SelectAdapter(objects, options.Adapter);

        var devices = new ConcurrentDictionary<string, BlueZProperties>(StringComparer.Ordinal);
        foreach ((string path, BlueZProperties properties) in objects.WithInterface(BlueZNames.Device))
        {
            if (properties.GetObjectPath("Adapter") == adapter)
            {
                devices[path] = properties;
            }
        }

        using IDisposable added = await bluez.SubscribeInterfacesAddedAsync(
            (path, interfaces) =>
            {
                if (interfaces.TryGetValue(BlueZNames.Device, out BlueZProperties? device) && device.GetObjectPath("Adapter") == adapter)
                {
                    devices[path] = device;
                }
            },
            cancellationToken);
        using IDisposable changed = await bluez.SubscribePropertiesChangedAsync(
            adapter,
            (path, interfaceName, properties, invalidated) =>
            {
                if (interfaceName == BlueZNames.Device)
                {
                    devices.AddOrUpdate(path, _ => properties, (_, old) => old.With(properties, invalidated));
                }
            },
            cancellationToken);

        await bluez.SetNusDiscoveryFilterAsync(adapter, byService, cancellationToken);
        await bluez.StartDiscoveryAsync(adapter, cancellationToken);
        try
        {
            await Task.Delay(options.Duration, options.TimeProvider, cancellationToken);
        }
        finally
        {
            await bluez.StopDiscoveryAsync(adapter, CancellationToken.None);
        }

        return devices.Values
            .Where(wanted)
            .Select(d => new BleDeviceInfo(d.GetString("Address") ?? "?", d.GetString("Alias") ?? d.GetString("Name"), d.GetInt16("RSSI"), kind?.Invoke(d) ?? (wanted == IsWitMotion ? BleSensorKind.WitMotion : BleSensorKind.Psp)))
            .OrderByDescending(d => d.Rssi ?? short.MinValue)
            .ThenBy(d => d.Address, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The object path of the device with <paramref name="address"/>: at once when BlueZ already knows it,
    /// else after discovery finds it. Fails with advice when it is not seen within <paramref name="timeout"/>.
    /// </summary>
    public static async Task<string> FindDeviceAsync(BlueZClient bluez, string adapter, string address, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using IDisposable added = await bluez.SubscribeInterfacesAddedAsync(
            (path, interfaces) =>
            {
                if (interfaces.TryGetValue(BlueZNames.Device, out BlueZProperties? device)
                    && device.GetObjectPath("Adapter") == adapter
                    && string.Equals(device.GetString("Address"), address, StringComparison.OrdinalIgnoreCase))
                {
                    found.TrySetResult(path);
                }
            },
            cancellationToken);

        BlueZObjects objects = await bluez.GetObjectsAsync(cancellationToken);
        if (objects.FindDevice(adapter, address) is { } known)
        {
            return known;
        }

        // A device may not put the 128-bit service UUID in its advertisement, so filter by transport only.
        await bluez.SetNusDiscoveryFilterAsync(adapter, byService: false, cancellationToken);
        await bluez.StartDiscoveryAsync(adapter, cancellationToken);
        try
        {
            return await found.Task.WaitAsync(timeout, timeProvider, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw BleException.DeviceNotFound(address, timeout);
        }
        finally
        {
            await bluez.StopDiscoveryAsync(adapter, CancellationToken.None);
        }
    }

    private static bool IsWitMotion(BlueZProperties device) =>
        device.GetStrings("UUIDs").Any(u => string.Equals(u, WitMotionGatt.ServiceUuid, StringComparison.OrdinalIgnoreCase))
        || (device.GetString("Name") ?? device.GetString("Alias") ?? "").StartsWith(WitMotionGatt.NamePrefix, StringComparison.Ordinal);

    private static bool AdvertisesNus(BlueZProperties device) =>
        device.GetStrings("UUIDs").Any(u => string.Equals(u, NordicUart.ServiceUuid, StringComparison.OrdinalIgnoreCase));
}
