using System.Globalization;
using PostureStream.Cli.Commands;
using PostureStream.Storage.Points;
using PostureStream.Storage.Trends;

namespace PostureStream.Cli.Programmes;

/// <summary>
/// <c>--device ID|NAME</c>: a device the store knows, by its display name or its id (1–16 hex digits, with or without
/// 0x). An id the store has never seen is accepted (a programme may be planned before the first run), with no name.
/// </summary>
internal static class DeviceChoice
{
    public static async Task<(DeviceSeries? Device, string? Error)> ResolveAsync(ITrendQueries trends, string text, CancellationToken cancellationToken)
    {
        var devices = await trends.ListDevicesAsync(cancellationToken);
        var byName = devices.Where(d => string.Equals(d.Name, text, StringComparison.Ordinal)).ToList();
        if (byName.Count == 1)
        {
            return (Series(byName[0]), null);
        }

        if (byName.Count > 1)
        {
            return (null, $"--device '{text}' names {byName.Count} devices ({string.Join(", ", byName.Select(d => d.DeviceId))}); give the device id instead");
        }

        if (SavedNeutrals.TryParseDeviceId(text, out ulong id))
        {
            string hex = id.ToString("x16", CultureInfo.InvariantCulture);
            return (devices.FirstOrDefault(d => d.DeviceId == hex) is { } known ? Series(known) : new DeviceSeries(string.Empty, id), null);
        }

        return (null, $"--device '{text}' is neither a device in the store nor a device id (1–16 hex digits); {Known(devices)}");
    }

    private static DeviceSeries Series(DeviceInfo device) =>
        new(device.Name, ulong.Parse(device.DeviceId, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));

    private static string Known(IReadOnlyList<DeviceInfo> devices) =>
        devices.Count == 0 ? "the store has no device yet" : "devices: " + string.Join(", ", devices.Select(d => $"{d.Name} ({d.DeviceId})"));
}
