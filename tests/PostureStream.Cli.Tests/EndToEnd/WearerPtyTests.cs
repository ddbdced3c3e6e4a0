using System.Threading.Channels;
using PostureStream.Cli.Commands;
using PostureStream.Cli.Configuration;
using PostureStream.Cli.Run;
using PostureStream.Cli.Simulate;
using PostureStream.Simulation.Scenarios;
using PostureStream.Testing;

namespace PostureStream.Cli.Tests.EndToEnd;

/// <summary>
/// <c>run --wearer</c> on live serial links: <c>simulate --witmotion serial --out pty</c> plays the two sensors on two
/// pseudo-terminals and run stores the wearer's posture from them; when the simulator ends, each sensor's link is
/// lost on its own and run says so per sensor. Played at speed 20 the detector's durations do not hold; paced by a
/// virtual clock run shares (<see cref="LockstepPacer"/>, as the BLE test does), the ten minutes of quick-demo take
/// seconds and the alerts are compared with the truth, notifications reach a stand-in notification server on a
/// private session bus, and an unplugged pelvis adapter (its PTY hangs up, then comes back behind the same path) is a
/// gap for the pelvis only. The clock counts the serial links' reads and what the pipeline took of them
/// (<see cref="LockstepClock.Stamps.SerialReads"/>), so the clock never runs ahead of a pipeline that is behind.
/// </summary>
[Collection(ProcessState.Collection)]
public sealed class WearerPtyTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan LockstepTimeout = TimeSpan.FromSeconds(180);

    /// <summary>As the BLE test: the grid's latency and the detector's windows fit well inside.</summary>
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(3);

    /// <summary>The pelvis adapter is pulled out for 8 s while the wearer fidgets on the chair, between the two alerts.</summary>
    private static readonly SensorDrop Unplugged = new(Simulation.WitMotion.SensorPlacement.Pelvis, TimeSpan.FromSeconds(205), TimeSpan.FromSeconds(8));

    private readonly string _dir = Directory.CreateTempSubdirectory("posturestream-wearer-pty-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task TwoPtySensors_AreOneWearer_WhosePostureIsStored_AndEachLinkLossIsReported()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        WitMotionSimulation sensors = SimulateCommand.WitMotionOptions("serial", 50, "0,0,0", "0,0,0", null, false, false, out _)!;
        var uris = Channel.CreateUnbounded<string>();
        Task<int> simulating = SimulateCommand.RunAsync(
            new SimulateCommand.Settings(BuiltInScenarios.QuickDemo, "pty") { Speed = "20", Seed = 2, WitMotion = sensors },
            new LineChannelWriter(uris.Writer),
            TextWriter.Null,
            CancellationToken.None);
        string lumbar = await uris.Reader.ReadAsync().AsTask().WaitAsync(Timeout);
        string pelvis = await uris.Reader.ReadAsync().AsTask().WaitAsync(Timeout);

        string data = Path.Combine(_dir, "data");
        var settings = new RunSettings
        {
            Wearers = [new WearerSettings { Name = "W", Lumbar = lumbar, Pelvis = pelvis }],
            NoDashboard = true,
            DataDirectory = data,
        };
        using var console = new ConsoleCapture();
        using var stop = new CancellationTokenSource();
        Task<int> running = Task.Run(() => RunHost.RunAsync(settings, TimeProvider.System, stop.Token));

        Assert.Equal(ExitCodes.Ok, await simulating.WaitAsync(Timeout));
        await Poll.UntilAsync(() => console.Out.Contains("W lumbar: link lost", StringComparison.Ordinal) && console.Out.Contains("W pelvis: link lost", StringComparison.Ordinal), Timeout, "both sensors' link losses");
        await stop.CancelAsync();
        Assert.Equal(ExitCodes.Ok, await running.WaitAsync(Timeout));

        string db = Path.Combine(data, "posturestream.db");
        Assert.True(SqliteQuery.Scalar(db, "SELECT count(*) FROM posture WHERE device = 'W'") > 100, "the wearer's posture is stored");
    }

    [Fact]
    public async Task TwoPtySensors_AlertsMatchTheTruth_NotifyTheDesktop_AndAnUnpluggedPelvisIsAGapForItsSegmentOnly()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        await using PrivateBusDaemon sessionBus = await ProcessBuses.StartSessionAsync();
        await using NotificationServerStandIn desktop = await NotificationServerStandIn.StartAsync(sessionBus.Address).WaitAsync(LockstepTimeout);
        var clock = new LockstepClock(LockstepClock.Stamps.SerialReads);
        var pacer = new LockstepPacer(clock);
        string truthPath = Path.Combine(_dir, "truth.jsonl");
        WitMotionSimulation sensors = SimulateCommand.WitMotionOptions("serial", 50, "0,0,0", "0,0,0", null, false, false, out _)! with { Drops = [Unplugged] };
        var uris = Channel.CreateUnbounded<string>();
        var simulateErrors = new StringWriter();
        Task<int> simulating = SimulateCommand.RunAsync(
            new SimulateCommand.Settings(BuiltInScenarios.QuickDemo, "pty") { Seed = 2, WitMotion = sensors, TruthPath = truthPath, Pacer = pacer },
            new LineChannelWriter(uris.Writer),
            TextWriter.Synchronized(simulateErrors),
            CancellationToken.None);
        string lumbar = await uris.Reader.ReadAsync().AsTask().WaitAsync(LockstepTimeout);
        string pelvis = await uris.Reader.ReadAsync().AsTask().WaitAsync(LockstepTimeout);
        Assert.StartsWith("witmotion-serial:", pelvis, StringComparison.Ordinal);
        Assert.DoesNotContain("/dev/pts/", pelvis, StringComparison.Ordinal);

        string data = Path.Combine(_dir, "data");
        string alertsPath = Path.Combine(_dir, "alerts.jsonl");
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
            Assert.Equal(ExitCodes.Ok, await simulating.WaitAsync(LockstepTimeout));
            await Poll.UntilAsync(() => capture.Out.Contains("W lumbar: link lost", StringComparison.Ordinal), LockstepTimeout, "the lumbar link lost when the simulation ends");
            await stop.CancelAsync();
            Assert.Equal(ExitCodes.Ok, await running.WaitAsync(LockstepTimeout));
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

        // (c) The pelvis adapter hung up and came back at the same path while the lumbar one kept flowing.
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
        Assert.True(SqliteQuery.Scalar(db, $"SELECT count(*) FROM posture WHERE {after} AND pelvis_pitch IS NOT NULL") > 0, "the pelvis flows again once run has reopened its port");

        // The store says it per segment: the pelvis sensor faulted, then back; nothing of the lumbar one until the end.
        string away = $"device = 'W' AND segment = 'pelvis' AND time_ns BETWEEN {From(205)} AND {From(240)}";
        Assert.Equal(1, SqliteQuery.Scalar(db, $"SELECT count(*) FROM device_status WHERE {away} AND pelvis_fault = 1"));
        Assert.Equal(1, SqliteQuery.Scalar(db, $"SELECT count(*) FROM device_status WHERE {away} AND pelvis_fault = 0 AND time_ns > (SELECT time_ns FROM device_status WHERE {away} AND pelvis_fault = 1)"));
        Assert.Equal(0, SqliteQuery.Scalar(db, $"SELECT count(*) FROM device_status WHERE device = 'W' AND (segment = 'lumbar' OR lumbar_fault IS NOT NULL) AND time_ns < {From(590)}"));
    }
}
