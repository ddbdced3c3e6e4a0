using System.Text.Json;
using PostureStream.Dashboard.Api;
using PostureStream.Dashboard.Live;
using PostureStream.Storage.Trends;

namespace PostureStream.Dashboard.Tests;

/// <summary>
/// The dashboard's JSON byte for byte, as the page and other clients read it. These strings were written by the
/// reflection-based serializer before the metadata became source-generated (for Native AOT); they must not change.
/// </summary>
public sealed class DashboardJsonBytesTests
{
    [Fact]
    public void LiveUpdate_WritesTheSameBytes()
    {
        var update = LiveUpdates.At(75) with { SensorFault = "lumbar: \"stuck\" <x>", SnoozedUntilUtc = LiveUpdates.Start.AddMinutes(30) };

        Assert.Equal(
            Golden("live-update"),
            JsonSerializer.Serialize(update, DashboardJsonContext.Default.LiveDeviceUpdate));
    }

    [Fact]
    public void LiveUpdate_WithoutOptionalValues_OmitsThem()
    {
        var update = new LiveDeviceUpdate { DeviceId = "0000000000000001", Device = "bare", TimeUtc = DateTime.UnixEpoch };

        Assert.Equal(Golden("live-update-bare"), JsonSerializer.Serialize(update, DashboardJsonContext.Default.LiveDeviceUpdate));
    }

    [Fact]
    public void Answers_WriteTheSameBytes()
    {
        IReadOnlyList<DeviceInfo> devices = [new("00000000000000c3", "desk", LiveUpdates.Start)];
        IReadOnlyList<StatusRow> status = [new(LiveUpdates.Start, "00000000000000c3", "desk", 3940, null, 21.5, true, false, true)];

        Assert.Equal(Golden("devices"), JsonSerializer.Serialize(devices, DashboardJsonContext.Default.IReadOnlyListDeviceInfo));
        Assert.Equal(Golden("status"), JsonSerializer.Serialize(status, DashboardJsonContext.Default.IReadOnlyListStatusRow));
        Assert.Equal(Golden("info"), JsonSerializer.Serialize(new DashboardInfo(false, "Europe/Berlin", "no live feed"), DashboardJsonContext.Default.DashboardInfo));
        Assert.Equal(Golden("error"), JsonSerializer.Serialize(new ErrorBody("bad 'x' & <y>"), DashboardJsonContext.Default.ErrorBody));
        Assert.Equal(Golden("command"), JsonSerializer.Serialize(CommandResult.Refused("not now"), DashboardJsonContext.Default.CommandResult));
    }

    [Fact]
    public void CalibrateBody_ReadsCamelCase()
    {
        Assert.Equal("sitting", JsonSerializer.Deserialize("{\"posture\":\"sitting\"}", DashboardJsonContext.Default.CalibrateBody)?.Posture);
    }

    private static string Golden(string name) => name switch
    {
        "live-update" => """"
        {"deviceId":"00000000000000c3","device":"desk","timeUtc":"2026-11-22T09:01:15Z","activity":"sitting","state":"flattened","pelvicTilt":1.4,"lumbarFlexion":4.9,"lordosisDelta":-10.2,"episodeTime":15,"episodeKind":"flattening","lastAlert":{"timeUtc":"2026-11-22T08:40:00Z","kind":"flattening","phase":"cleared","durationSeconds":95,"peakDeltaDegrees":-11.2,"buzzed":true},"batteryPercent":81,"batteryMillivolts":3940,"link":{"connected":true,"transport":"serial","lostFrames":0,"errorFrames":0,"reconnects":0},"calibration":"calibrated","sensorFault":"lumbar: \u0022stuck\u0022 \u003Cx\u003E","snoozedUntilUtc":"2026-11-22T09:30:00Z"}
        """",
        "live-update-bare" => """"
        {"deviceId":"0000000000000001","device":"bare","timeUtc":"1970-01-01T00:00:00Z","activity":"unknown","state":"uncalibrated","episodeTime":0,"calibration":"uncalibrated"}
        """",
        "devices" => """"
        [{"deviceId":"00000000000000c3","name":"desk","lastSeenUtc":"2026-11-22T09:00:00Z"}]
        """",
        "status" => """"
        [{"timeUtc":"2026-11-22T09:00:00Z","deviceId":"00000000000000c3","device":"desk","batteryMillivolts":3940,"temperatureCelsius":21.5,"charging":true,"lumbarFault":false,"pelvisFault":true}]
        """",
        "info" => """"
        {"live":false,"zone":"Europe/Berlin","liveMessage":"no live feed"}
        """",
        "error" => """"
        {"error":"bad \u0027x\u0027 \u0026 \u003Cy\u003E"}
        """",
        "command" => """"
        {"accepted":false,"message":"not now"}
        """",
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
