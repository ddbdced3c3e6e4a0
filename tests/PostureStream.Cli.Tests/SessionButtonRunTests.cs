using PostureStream.Cli.Commands;
using PostureStream.Protocol;

namespace PostureStream.Cli.Tests;

/// <summary>
/// What <c>run</c> stores for the physiotherapist: every neutral it takes (<c>posture_neutral</c>), and the device's
/// "session done" button (EVENT code 5) as a session of the wearer's current programme (source device).
/// </summary>
[Collection(ProcessState.Collection)]
public sealed class SessionButtonRunTests : IDisposable
{
    private const string DeviceId = "00000000cafe0005";
    private readonly string _dir = Directory.CreateTempSubdirectory("posturestream-sessionbutton-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Data => Path.Combine(_dir, "data");

    private string Db => Path.Combine(Data, "posturestream.db");

    /// <summary>Sits, walks, stands (the automatic neutral), presses "calibrate" while standing, then "session done".</summary>
    private async Task<(int Exit, string Out, string Error)> RunScenarioAsync()
    {
        string scenario = Path.Combine(_dir, "session.json");
        await File.WriteAllTextAsync(scenario, $$"""
            { "name": "session", "device": { "deviceId": "{{DeviceId}}" },
              "segments": [
                { "kind": "sitting", "seconds": 20 },
                { "kind": "walking", "seconds": 20 },
                { "kind": "standing", "seconds": 15 },
                { "kind": "standing", "seconds": 15, "event": "calibrate" },
                { "kind": "sitting", "seconds": 20, "event": "session-done" } ] }
            """);
        using var console = new ConsoleCapture();
        int exit = await Program.Main(["run", "--source", $"sim:{scenario}?speed=max&seed=3&clock=device&start=2026-03-10T08:00:00Z", "--data-dir", Data, "--no-dashboard", "--alerts-out", Path.Combine(_dir, "alerts.jsonl")]);
        return (exit, console.Out, console.Error);
    }

    [Fact]
    public async Task Run_StoresEachNeutralTaken_AndTheSessionButtonAsASessionOfTheCurrentProgramme()
    {
        using (var console = new ConsoleCapture())
        {
            Assert.Equal(ExitCodes.Ok, await Program.Main(["programme", "add", "--device", DeviceId, "--name", "stretches", "--kind", "stretch", "--targets", "hamstrings", "--start", "2026-03-09", "--per-week", "3", "--data-dir", Data]));
        }

        var (exit, output, _) = await RunScenarioAsync();

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("session of programme 1 recorded from the device button (20 min)", output, StringComparison.Ordinal);
        Assert.Equal(1L, SqliteQuery.Scalar(Db, $"SELECT count(*) FROM programme_session WHERE device_id = '{DeviceId}' AND programme_id = 1 AND source = 'device' AND duration_s = 1200"));
        long pressed = SqliteQuery.Scalar(Db, "SELECT time_ns FROM programme_session");
        long sessionStart = new DateTimeOffset(2026, 3, 10, 8, 1, 10, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000;
        Assert.InRange(pressed, sessionStart - 1_000_000_000, sessionStart + 1_000_000_000);

        // The automatic neutral after the walk, then the one the button asked for: both kept, with how they were taken.
        Assert.Equal(1L, SqliteQuery.Scalar(Db, $"SELECT count(*) FROM posture_neutral WHERE device_id = '{DeviceId}' AND activity = 'standing' AND method = 'after_walking'"));
        Assert.Equal(1L, SqliteQuery.Scalar(Db, $"SELECT count(*) FROM posture_neutral WHERE device_id = '{DeviceId}' AND activity = 'standing' AND method = 'button'"));
        Assert.Equal(2L, SqliteQuery.Scalar(Db, "SELECT count(*) FROM posture_neutral WHERE pelvis_pitch IS NOT NULL AND lumbar_pitch IS NOT NULL AND pelvis_roll IS NOT NULL"));
    }

    [Fact]
    public async Task Run_SessionButtonWithoutAProgramme_RecordsNothing_AndSaysWhy()
    {
        var (exit, _, error) = await RunScenarioAsync();

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("session button pressed, but no programme of this device runs on 2026-03-10", error, StringComparison.Ordinal);
        Assert.Equal(0L, SqliteQuery.Scalar(Db, "SELECT count(*) FROM programme_session"));
    }

    /// <summary>Code 5 decodes like any EVENT (an older host's decoder passes it through the same way and ignores it).</summary>
    [Fact]
    public async Task Decode_SessionDoneEvent_PrintsCode5AndItsMinutes()
    {
        string path = Path.Combine(_dir, "event.psp");
        await File.WriteAllBytesAsync(path, PspEncoder.Encode(new EventMessage(123_456, DeviceEventCode.SessionDone, 30) { Seq = 9 }));
        using var output = new MemoryStream();
        using var errors = new StringWriter();

        Assert.Equal(ExitCodes.Ok, await DecodeCommand.RunAsync(path, output, errors, CancellationToken.None));
        Assert.Equal("{\"seq\":9,\"type\":\"event\",\"tick\":123456,\"code\":5,\"arg\":30}\n", System.Text.Encoding.UTF8.GetString(output.ToArray()));
    }
}
