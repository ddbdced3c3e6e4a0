using System.Globalization;
using System.Text.Json;

namespace PostureStream.Cli.Tests.EndToEnd;

/// <summary>One line of <c>run --alerts-out</c> (README, using it).</summary>
internal readonly record struct AlertLine(DateTimeOffset Time, string Device, string DeviceId, string Kind, string Phase)
{
    public static async Task<IReadOnlyList<AlertLine>> ReadAllAsync(string path)
    {
        var alerts = new List<AlertLine>();
        foreach (string line in await File.ReadAllLinesAsync(path))
        {
            using var document = JsonDocument.Parse(line);
            JsonElement e = document.RootElement;
            alerts.Add(new AlertLine(
                DateTimeOffset.Parse(e.GetProperty("time").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                e.GetProperty("device").GetString()!,
                e.GetProperty("deviceId").GetString()!,
                e.GetProperty("kind").GetString()!,
                e.GetProperty("phase").GetString()!));
        }

        return alerts;
    }
}
