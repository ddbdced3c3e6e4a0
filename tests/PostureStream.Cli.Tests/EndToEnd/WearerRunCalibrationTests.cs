using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using PostureStream.Cli.Simulate;
using PostureStream.Signals.Wearers;
using PostureStream.Simulation.WitMotion;
using PostureStream.Testing;

namespace PostureStream.Cli.Tests.EndToEnd;

/// <summary>
/// A wearer's calibration while <c>run</c> goes on: a sensor re-attached another way is noticed (its alignment file
/// turns stale, one warning), and the dashboard's calibrate and snooze buttons reach a wearer, whose card shows each
/// step of the guided functional calibration.
/// </summary>
[Collection(ProcessState.Collection)]
public sealed class WearerRunCalibrationTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    private readonly string _dir = Directory.CreateTempSubdirectory("posturestream-wrun-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Key(string uri) => uri["file:".Length..];

    private async Task CalibrateAsync(string data, WearerCaptures captures)
    {
        using var console = new ConsoleCapture();
        int exit = await Program.Main(["calibrate", "--wearer", "W", "--lumbar", captures.Lumbar, "--pelvis", captures.Pelvis, "--data-dir", data]);
        Assert.True(exit == ExitCodes.Ok, console.Out + console.Error);
    }

    [Fact]
    public async Task Run_APelvisSensorReattachedTurned_WarnsOnceAndMarksItsAlignmentStale()
    {
        // Re-attached 30° further round on the skin in the middle of the second walk; each walk ends in quiet standing.
        TimeSpan reattachedAt = TimeSpan.FromSeconds(56);
        WitMotionSimulation sensors = WearerCaptures.Rotated() with
        {
            PelvisReattached = new SensorReattachment(reattachedAt, new SensorMounting(210, 15, 90)),
        };
        WearerCaptures captures = await WearerCaptures.WriteAsync(_dir, "reattached", WearerCaptures.Routine + """
            , { "kind": "walking", "seconds": 15 }, { "kind": "standing", "seconds": 12 },
            { "kind": "walking", "seconds": 15 }, { "kind": "standing", "seconds": 12 }
            """, sensors);
        string data = Path.Combine(_dir, "data");
        await CalibrateAsync(data, captures);

        (int exit, string errors) = await StandardErrorCapture.RunAsync(() => Program.Main([
            "run", "--wearer", "W", "--lumbar", captures.Lumbar, "--pelvis", captures.Pelvis, "--data-dir", data, "--no-dashboard", "--quiet"]));

        Assert.Equal(ExitCodes.Ok, exit);
        string expected = $"warning: W: the pelvis sensor moved; calibrate again: posturestream calibrate --wearer W --lumbar {captures.Lumbar} --pelvis {captures.Pelvis}";
        string[] warnings = errors.Split('\n').Where(l => l.Contains("sensor moved", StringComparison.Ordinal)).ToArray();
        string warning = Assert.Single(warnings);
        Assert.Contains(expected, warning, StringComparison.Ordinal);
        // The line carries the sample clock: the standing after the re-attachment, not the one before it.
        var at = DateTimeOffset.Parse(warning[..20], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.True(at >= WitMotionSimulation.CaptureStart + reattachedAt, warning);

        var store = new SensorAlignmentStore(Path.Combine(data, "calibration"));
        Assert.True(store.Load(Key(captures.Pelvis))!.Stale);
        Assert.False(store.Load(Key(captures.Lumbar))!.Stale);

        // The next run says so at its start (the stale flag is in the file).
        (_, string again) = await StandardErrorCapture.RunAsync(() => Program.Main([
            "run", "--wearer", "W", "--lumbar", captures.Lumbar, "--pelvis", captures.Pelvis, "--data-dir", data, "--no-dashboard", "--quiet"]));
        Assert.Contains("warning: W: the pelvis sensor moved since it was calibrated", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_CalibrateAndSnooze_ReachTheWearer_WhoseCardShowsEachStep()
    {
        WearerCaptures captures = await WearerCaptures.WriteAsync(_dir, "dashboard", """{ "kind": "standing", "seconds": 20 }, """ + WearerCaptures.Routine, WearerCaptures.Rotated());
        string data = Path.Combine(_dir, "data");
        var dashboard = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        using var stop = new CancellationTokenSource();
        // Four times real time: the capture's 44 s take 11 s, time enough to press the button before the stand-still ends.
        string[] args =
        [
            "run", "--wearer", "W", "--lumbar", captures.Lumbar + "?speed=4", "--pelvis", captures.Pelvis + "?speed=4",
            "--dashboard", dashboard.ToString().TrimEnd('/'), "--data-dir", data, "--quiet",
        ];
        Task<int> run = Task.Run(() => Program.RunAsync(args, stop.Token));
        try
        {
            await ServerReadiness.WaitUntilAnsweringAsync(new Uri(dashboard, "/api/info"), run, TimeSpan.FromSeconds(30));
            using var client = new HttpClient { BaseAddress = dashboard };
            string id = WearerIdentity.DeviceId(Key(captures.Lumbar), Key(captures.Pelvis)).ToString("x16", CultureInfo.InvariantCulture);
            await UntilAsync(client, id, u => true);

            (HttpStatusCode calibrated, JsonElement answer) = await PostAsync(client, $"/api/live/{id}/calibrate", """{"posture":"standing"}""");
            (HttpStatusCode snoozed, JsonElement snoozeAnswer) = await PostAsync(client, $"/api/live/{id}/snooze", "{}");

            Assert.Equal(HttpStatusCode.OK, calibrated);
            Assert.StartsWith("Stand still, relaxed, looking ahead", answer.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, snoozed);
            Assert.Contains("snoozed", snoozeAnswer.GetProperty("message").GetString(), StringComparison.Ordinal);

            var steps = new List<string>();
            JsonElement done = await UntilAsync(client, id, u =>
            {
                if (u.TryGetProperty("guidance", out JsonElement g) && (steps.Count == 0 || steps[^1] != g.GetProperty("step").GetString()))
                {
                    steps.Add(g.GetProperty("step").GetString()!);
                }

                return steps.Count > 0 && steps[^1] is "done" or "failed";
            });

            Assert.Equal(["stand_still", "bend", "done"], steps);
            Assert.StartsWith("Done: both sensors are aligned and saved.", done.GetProperty("guidance").GetProperty("message").GetString(), StringComparison.Ordinal);
            var store = new SensorAlignmentStore(Path.Combine(data, "calibration"));
            Assert.False(store.Load(Key(captures.Lumbar))!.Stale);
            Assert.False(store.Load(Key(captures.Pelvis))!.Stale);
            Assert.Equal(ExitCodes.Ok, await run.WaitAsync(Bound));
        }
        finally
        {
            await stop.CancelAsync();
            await run.WaitAsync(Bound).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string path, string json)
    {
        using var response = await client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body.RootElement.Clone());
    }

    /// <summary>Polls the latest live update of the device until <paramref name="until"/> holds for it (awaits, with a bound; never a fixed sleep for a result).</summary>
    private static async Task<JsonElement> UntilAsync(HttpClient client, string deviceId, Func<JsonElement, bool> until)
    {
        using var bound = new CancellationTokenSource(Bound);
        while (true)
        {
            using (JsonDocument latest = JsonDocument.Parse(await client.GetStringAsync("/api/live/latest", bound.Token)))
            {
                foreach (JsonElement update in latest.RootElement.EnumerateArray())
                {
                    if (update.GetProperty("deviceId").GetString() == deviceId && until(update))
                    {
                        return update.Clone();
                    }
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), bound.Token);
        }
    }
}
