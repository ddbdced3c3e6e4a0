using PostureStream.Protocol;

namespace PostureStream.Simulation.Scenarios;

/// <summary>Names of the EVENT codes a scenario segment may fire at its start.</summary>
public static class DeviceEventNames
{
    private static readonly (DeviceEventCode Code, string Name)[] Names =
    [
        (DeviceEventCode.CalibrateRequest, "calibrate"),
        (DeviceEventCode.SensorReinitialised, "sensor-reinit"),
        (DeviceEventCode.LowBattery, "low-battery"),
        (DeviceEventCode.SnoozeRequest, "snooze"),
        (DeviceEventCode.SessionDone, "session-done"),
    ];

    public static IEnumerable<string> AllNames => Names.Select(n => n.Name);

    public static string Name(DeviceEventCode code) => Names.FirstOrDefault(n => n.Code == code).Name ?? $"code-{(byte)code}";

    public static bool TryParse(string name, out DeviceEventCode code)
    {
        foreach (var (c, n) in Names)
        {
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            {
                code = c;
                return true;
            }
        }

        code = default;
        return false;
    }
}
