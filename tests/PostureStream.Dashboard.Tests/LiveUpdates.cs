using PostureStream.Dashboard.Live;
using PostureStream.Vocabulary;

namespace PostureStream.Dashboard.Tests;

/// <summary>Live updates as the pipeline would publish them, for a wearer slowly tilting and recovering.</summary>
internal static class LiveUpdates
{
    public const string DeskId = "00000000000000c3";
    public static readonly DateTime Start = new(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc);

    public static LiveDeviceUpdate At(int second, string deviceId = DeskId, string device = "desk") => new()
    {
        DeviceId = deviceId,
        Device = device,
        TimeUtc = Start.AddSeconds(second),
        Activity = Activity.Sitting,
        State = second >= 60 ? PostureState.Flattened : PostureState.Neutral,
        PelvicTilt = Math.Round(-2 - (6 * Math.Sin(second / 20.0)), 1),
        LumbarFlexion = Math.Round(4 + (3 * Math.Cos(second / 15.0)), 1),
        LordosisDelta = Math.Round(-4 - (second / 12.0), 1),
        EpisodeTime = TimeSpan.FromSeconds(Math.Max(0, second - 60)),
        EpisodeKind = second >= 60 ? AlertKind.Flattening : null,
        LastAlert = new LiveAlert(Start.AddMinutes(-20), AlertKind.Flattening, AlertPhase.Cleared, 95, -11.2, true),
        BatteryPercent = 81,
        BatteryMillivolts = 3940,
        Link = new LinkHealth(true, Transport.Serial, 0, 0, 0),
        Calibration = CalibrationState.Calibrated,
    };
}
