using System.Threading.Channels;
using PostureStream.Cli.Commands;
using PostureStream.Cli.Configuration;
using PostureStream.Cli.Run;
using PostureStream.Cli.Simulate;
using PostureStream.Simulation.Scenarios;
using PostureStream.Testing;

namespace PostureStream.Cli.Tests.EndToEnd;

/// <summary>
/// What the WitMotion end-to-end tests share, whatever the transport: <c>simulate --witmotion TRANSPORT</c> plays
/// quick-demo as two sensors paced by a virtual clock that <c>run --wearer W --notify</c> shares
/// (<see cref="LockstepPacer"/>), with the pelvis sensor away for 8 s from 205 s; then (a) the alerts are the
/// truth's, at its times, (b) each raised alert reached the notification server stand-in, (c) the pelvis was lost
/// and came back while the lumbar sensor kept flowing, a gap in the stored posture and in <c>device_status</c> for the
/// pelvis segment only.
/// </summary>
internal static class WitMotionLockstepRun
{
    /// <summary>The grid's latency and the detector's windows fit well inside.</summary>
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(3);

    /// <summary>The pelvis sensor is away for 8 s while the wearer fidgets on the chair, between the two alerts.</summary>
    private static readonly SensorDrop Unplugged = new(Simulation.WitMotion.SensorPlacement.Pelvis, TimeSpan.FromSeconds(205), TimeSpan.FromSeconds(8));

    /// <summary>Runs the simulation and run in lockstep on <paramref name="clock"/> and checks (a)–(c); <paramref name="checkUris"/> sees the two source URIs first.</summary>
    public static async Task RunAndCheckAsync(
        string transport, string output, LockstepClock clock, NotificationServerStandIn desktop, string dir, TimeSpan timeout, Action<string, string> checkUris)
    {
        var pacer = new LockstepPacer(clock);
        string truthPath = Path.Combine(dir, "truth.jsonl");
        WitMotionSimulation sensors = SimulateCommand.WitMotionOptions(transport, 50, "0,0,0", "0,0,0", null, false, false, out _)! with { Drops = [Unplugged] };
        var uris = Channel.CreateUnbounded<string>();
        var simulateErrors = new StringWriter();
        Task<int> simulating = SimulateCommand.RunAsync(
            new SimulateCommand.Settings(BuiltInScenarios.QuickDemo, output) { Seed = 2, WitMotion = sensors, TruthPath = truthPath, Pacer = pacer },
            new LineChannelWriter(uris.Writer),
            TextWriter.Synchronized(simulateErrors),
            CancellationToken.None);
        string lumbar = await uris.Reader.ReadAsync().AsTask().WaitAsync(timeout);
        string pelvis = await uris.Reader.ReadAsync().AsTask().WaitAsync(timeout);
        checkUris(lumbar, pelvis);

        string data = Path.Combine(dir, "data");
        string alertsPath = Path.Combine(dir, "alerts.jsonl");
        var settings = new RunSettings
        {
            Wearers = [new WearerSettings { Name = "W", Lumbar = lumbar, Pelvis = pelvis }],
            NoDashboard = true,
            DataDirectory = data,
            AlertsOut = alertsPath,
            Notify = true,
        };
        string console;
        using (var capture = new ConsoleCapture())
        {
            using var stop = new CancellationTokenSource();
            Task<int> running = Task.Run(() => RunHost.RunAsync(settings, clock, stop.Token));
            Assert.Equal(ExitCodes.Ok, await simulating.WaitAsync(timeout));
            await Poll.UntilAsync(() => capture.Out.Contains("W lumbar: link lost", StringComparison.Ordinal), timeout, "the lumbar link lost when the simulation ends");
            await stop.CancelAsync();
            Assert.Equal(ExitCodes.Ok, await running.WaitAsync(timeout));
            console = capture.Out;
        }

        DateTimeOffset origin = pacer.Origin!.Value;
        TruthFile truth = await TruthFile.ReadAsync(truthPath);

        // (a) The alerts are the truth's, at the times it says.
        IReadOnlyList<AlertLine> alerts = await AlertLine.ReadAllAsync(alertsPath);
        var due = truth.Alerts.Where(a => a.Phase is "raised" or "cleared").ToList();
        Assert.NotEmpty(due);
        Assert.Equal(due.Count, alerts.Count(a => a.Phase is "raised" or "cleared"));
        foreach (DueAlert d in due)
        {
            DateTimeOffset dueAt = origin + TimeSpan.FromMicroseconds(d.DeviceMicroseconds - truth.FirstMicroseconds);
            Assert.Contains(alerts, a => a.Device == "W" && a.Kind == d.Kind && a.Phase == d.Phase && (a.Time - dueAt).Duration() <= Tolerance);
        }

        // (b) Each raised alert reached the desktop's notification server on the session bus.
        var shown = new List<NotificationServerStandIn.Received>();
        while (desktop.Calls.TryRead(out NotificationServerStandIn.Received call))
        {
            shown.Add(call);
        }

        Assert.Equal(truth.Notifying.Count(), shown.Count);
        Assert.All(shown, n => Assert.StartsWith("W: ", n.Body, StringComparison.Ordinal));

        // (c) The pelvis sensor went away and came back while the lumbar one kept flowing.
        int restored = console.IndexOf("W pelvis: link restored", StringComparison.Ordinal);
        Assert.True(restored > 0, "run reports the pelvis sensor restored:\n" + console);
        Assert.Contains("W pelvis: link lost", console[..restored], StringComparison.Ordinal);
        Assert.DoesNotContain("W lumbar: link", console[..restored], StringComparison.Ordinal);
        Assert.Contains("pelvis sensor unplugged at 205", simulateErrors.ToString(), StringComparison.Ordinal);

        string db = Path.Combine(data, "posturestream.db");
        long From(double seconds) => (origin + TimeSpan.FromSeconds(seconds) - DateTimeOffset.UnixEpoch).Ticks * 100;
        string during = $"device = 'W' AND time_ns BETWEEN {From(206)} AND {From(212)}";
        string before = $"device = 'W' AND time_ns BETWEEN {From(198)} AND {From(204)}";
        string after = $"device = 'W' AND time_ns BETWEEN {From(240)} AND {From(250)}";
        Assert.True(SqliteQuery.Scalar(db, $"SELECT count(*) FROM posture WHERE {before} AND pelvis_pitch IS NOT NULL") > 0, "both segments flow before the drop");
        Assert.True(SqliteQuery.Scalar(db, $"SELECT count(*) FROM posture WHERE {during} AND lumbar_pitch IS NOT NULL") > 0, "the lumbar segment keeps flowing");
        Assert.Equal(0, SqliteQuery.Scalar(db, $"SELECT count(*) FROM posture WHERE {during} AND pelvis_pitch IS NOT NULL"));
        Assert.True(SqliteQuery.Scalar(db, $"SELECT count(*) FROM posture WHERE {after} AND pelvis_pitch IS NOT NULL") > 0, "the pelvis flows again once run has its link back");

        // The store says it per segment: the pelvis sensor faulted, then back; nothing of the lumbar one until the end.
        string away = $"device = 'W' AND segment = 'pelvis' AND time_ns BETWEEN {From(205)} AND {From(240)}";
        Assert.Equal(1, SqliteQuery.Scalar(db, $"SELECT count(*) FROM device_status WHERE {away} AND pelvis_fault = 1"));
        Assert.Equal(1, SqliteQuery.Scalar(db, $"SELECT count(*) FROM device_status WHERE {away} AND pelvis_fault = 0 AND time_ns > (SELECT time_ns FROM device_status WHERE {away} AND pelvis_fault = 1)"));
        Assert.Equal(0, SqliteQuery.Scalar(db, $"SELECT count(*) FROM device_status WHERE device = 'W' AND (segment = 'lumbar' OR lumbar_fault IS NOT NULL) AND time_ns < {From(590)}"));
    }
}
