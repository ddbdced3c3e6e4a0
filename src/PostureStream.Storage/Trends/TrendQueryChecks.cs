namespace PostureStream.Storage.Trends;

/// <summary>Checks shared by both trend implementations, so bad input fails the same way on each.</summary>
internal static class TrendQueryChecks
{
    public static void Validate(TrendQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.ToUtc <= query.FromUtc)
        {
            throw new ArgumentException($"the range must end after it starts: from {query.FromUtc:O} to {query.ToUtc:O}", nameof(query));
        }

        ValidateDeviceId(query.DeviceId);
    }

    public static void ValidateDeviceId(string? deviceId)
    {
        if (deviceId is not null && (deviceId.Length != 16 || !deviceId.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f')))
        {
            throw new ArgumentException($"device id '{deviceId}' is not 16 lowercase hex digits", nameof(deviceId));
        }
    }

    /// <summary>Merges per-measurement "latest point" answers into one list: the latest time wins, with its name.</summary>
    public static IReadOnlyList<DeviceInfo> MergeDevices(IEnumerable<DeviceInfo> candidates)
    {
        var latest = new Dictionary<string, DeviceInfo>(StringComparer.Ordinal);
        foreach (var device in candidates)
        {
            if (!latest.TryGetValue(device.DeviceId, out var known) || device.LastSeenUtc > known.LastSeenUtc)
            {
                latest[device.DeviceId] = device;
            }
        }

        return [.. latest.Values.OrderBy(d => d.DeviceId, StringComparer.Ordinal)];
    }
}
