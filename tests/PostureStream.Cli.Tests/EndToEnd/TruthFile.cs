using System.Text.Json;

namespace PostureStream.Cli.Tests.EndToEnd;

/// <summary>An alert the ground truth says is due, at an unwrapped device time in µs.</summary>
internal readonly record struct DueAlert(string Kind, string Phase, long DeviceMicroseconds);

/// <summary>
/// What <c>simulate --truth</c> wrote (src/PostureStream.Simulation/README.md, "Ground truth"): the scenario line,
/// the due alerts and the device events, all in unwrapped device µs.
/// </summary>
internal sealed record TruthFile(string DeviceId, string DeviceName, long FirstMicroseconds, IReadOnlyList<DueAlert> Alerts, IReadOnlyList<long> SnoozeMicroseconds)
{
    public static async Task<TruthFile> ReadAsync(string path)
    {
        string? deviceId = null;
        string? deviceName = null;
        long first = 0;
        var alerts = new List<DueAlert>();
        var snoozes = new List<long>();
        foreach (string line in await File.ReadAllLinesAsync(path))
        {
            using var document = JsonDocument.Parse(line);
            JsonElement e = document.RootElement;
            switch (e.GetProperty("type").GetString())
            {
                case "scenario":
                    deviceId = e.GetProperty("deviceId").GetString();
                    deviceName = e.GetProperty("deviceName").GetString();
                    first = e.GetProperty("firstUs").GetInt64();
                    break;
                case "alert":
                    alerts.Add(new DueAlert(e.GetProperty("kind").GetString()!, e.GetProperty("phase").GetString()!, e.GetProperty("deviceUs").GetInt64()));
                    break;
                case "event" when e.GetProperty("name").GetString() == "snooze" && !e.GetProperty("lost").GetBoolean():
                    snoozes.Add(e.GetProperty("deviceUs").GetInt64());
                    break;
            }
        }

        return deviceId is null || deviceName is null
            ? throw new InvalidDataException($"{path} has no scenario line")
            : new TruthFile(deviceId, deviceName, first, alerts, snoozes);
    }

    /// <summary>The due alerts that buzz: raised and reminder ones.</summary>
    public IEnumerable<DueAlert> Notifying => Alerts.Where(a => a.Phase is "raised" or "reminder");

    /// <summary>
    /// The buzzes the rules of Detection README allow: every raised alert and reminder, except in the 30 min after a snooze
    /// press and beyond 4 in any hour (no quiet hours are configured).
    /// </summary>
    public int ExpectedBuzzes()
    {
        const long snoozeMicroseconds = 30L * 60 * 1_000_000;
        const long hourMicroseconds = 60L * 60 * 1_000_000;
        var buzzed = new List<long>();
        foreach (DueAlert alert in Notifying.OrderBy(a => a.DeviceMicroseconds))
        {
            bool snoozed = SnoozeMicroseconds.Any(s => alert.DeviceMicroseconds >= s && alert.DeviceMicroseconds < s + snoozeMicroseconds);
            bool overHourlyLimit = buzzed.Count(b => alert.DeviceMicroseconds - b < hourMicroseconds) >= 4;
            if (!snoozed && !overHourlyLimit)
            {
                buzzed.Add(alert.DeviceMicroseconds);
            }
        }

        return buzzed.Count;
    }
}
