using PostureStream.Storage.Trends;

namespace PostureStream.Presentation.Reports;

/// <summary>
/// Turns the <c>--device</c> value into a <c>device_id</c>: 16 hex digits are taken as the id,
/// anything else is looked up as a display name (case-insensitive) among the store's devices.
/// </summary>
public static class DeviceSelector
{
    public static bool IsDeviceId(string text) => text.Length == 16 && text.All(char.IsAsciiHexDigit);

    /// <summary>The device id, or null with an error naming the value and the devices that exist.</summary>
    public static async Task<(string? DeviceId, string? Error)> ResolveAsync(ITrendQueries queries, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        if (IsDeviceId(text))
        {
            return (text.ToLowerInvariant(), null);
        }

        var devices = await queries.ListDevicesAsync(cancellationToken);
        var matches = devices.Where(d => string.Equals(d.Name, text, StringComparison.OrdinalIgnoreCase)).Select(d => d.DeviceId).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (matches.Count == 1)
        {
            return (matches[0].ToLowerInvariant(), null);
        }

        string known = devices.Count == 0 ? "the store has no devices" : "known: " + string.Join(", ", devices.Select(d => $"'{d.Name}' ({d.DeviceId})"));
        return matches.Count == 0
            ? (null, $"--device: no device named '{text}' ({known}); give a name or a 16-hex-digit device_id")
            : (null, $"--device: several devices are named '{text}' ({known}); give the 16-hex-digit device_id");
    }
}
