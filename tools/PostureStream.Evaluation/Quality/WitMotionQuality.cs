using System.Globalization;
using System.Reactive.Concurrency;
using PostureStream.Protocol.WitMotion;
using PostureStream.Signals;
using PostureStream.Signals.Detection;
using PostureStream.Signals.Pipeline;
using PostureStream.Signals.Wearers;
using PostureStream.Simulation;
using PostureStream.Simulation.Scenarios;
using PostureStream.Simulation.Truth;
using PostureStream.Simulation.WitMotion;
using PostureStream.Vocabulary;
using SimReading = PostureStream.Simulation.WitMotion.WitMotionReading;

namespace PostureStream.Evaluation.Quality;

/// <summary>
/// <c>quality --profile witmotion</c>: the built-in scenarios played by two simulated WitMotion sensors (50 Hz, mountings
/// drawn over the whole circle about the skin normal and up to 20° off it, BLE-like delivery: 7.5–50 ms connection
/// intervals, 10 ms jitter, 1 % loss), each preceded by the functional calibration routine. Their readings, in
/// arrival order, go through the product's wearer path (sample-time estimation, one grid, functional calibration,
/// angles) into the one per-device chain; the scenario's button presses are given as the dashboard's calibrate and
/// snooze. Alerts are scored against the ground truth (same matching as the PSP profile) on the true time line.
/// </summary>
internal static class WitMotionQuality
{
    public static Task<int> RunAsync(int seeds, TextWriter output)
    {
        var rows = new List<(string Scenario, int Seed, double Hours, AlertMatch Raised, AlertMatch Reminders, AlertMatch Cleared, TimeSpan Latency)>();
        foreach (string name in BuiltInScenarios.Names)
        {
            for (int seed = 1; seed <= seeds; seed++)
            {
                // The truth on the host's clock, as these sensors are timed (not on a skewed PSP device clock).
                SimulationPlan plan = HostTimedPlan.Create(CalibrationRoutine.Prepend(ScenarioCatalog.Resolve(name)), seed);
                GroundTruth truth = GroundTruth.Compute(plan);
                var (alerts, latency) = Detect(plan, truth);
                var due = truth.Alerts.Select(a => a with { DeviceMicroseconds = TrueMicroseconds(plan, a.DeviceMicroseconds) }).ToList();
                rows.Add((name, seed, plan.Duration.TotalHours,
                    AlertMatch.Of("raised", due, alerts), AlertMatch.Of("reminder", due, alerts), AlertMatch.Of("cleared", due, alerts), latency));
            }
        }

        int expected = rows.Sum(r => r.Raised.Expected + r.Reminders.Expected);
        int found = rows.Sum(r => r.Raised.Found + r.Reminders.Found);
        int falseAlerts = rows.Sum(r => r.Raised.Unmatched.Count + r.Reminders.Unmatched.Count);
        double hours = rows.Sum(r => r.Hours);
        var latencies = rows.SelectMany(r => r.Raised.LatenciesSeconds.Concat(r.Reminders.LatenciesSeconds)).ToList();
        double recall = expected == 0 ? 1 : (double)found / expected;
        double falsePerHour = falseAlerts / hours;
        double worst = latencies.Count == 0 ? 0 : latencies.Max();
        TimeSpan gridLatency = rows.Max(r => r.Latency);
        var c = CultureInfo.InvariantCulture;
        output.WriteLine("# Detection quality — two simulated WitMotion sensors at 50 Hz");
        output.WriteLine();
        output.WriteLine("| scenario | seed | hours | raised | reminders | cleared | false | worst latency |");
        output.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            var l = r.Raised.LatenciesSeconds.Concat(r.Reminders.LatenciesSeconds).DefaultIfEmpty(0);
            output.WriteLine(string.Create(c, $"| {r.Scenario} | {r.Seed} | {r.Hours:F2} | {r.Raised.Found}/{r.Raised.Expected} | {r.Reminders.Found}/{r.Reminders.Expected} | {r.Cleared.Found}/{r.Cleared.Expected} | {r.Raised.Unmatched.Count + r.Reminders.Unmatched.Count} | {l.Max():+0.00;-0.00} s |"));
        }

        output.WriteLine();
        output.WriteLine("| measure | value | target |");
        output.WriteLine("|---|---|---|");
        output.WriteLine(string.Create(c, $"| recall (raised + reminders) | {recall:F3} ({found}/{expected}) | ≥ 0.98 |"));
        output.WriteLine(string.Create(c, $"| false alerts per hour | {falsePerHour:F3} | ≤ 0.2 |"));
        output.WriteLine(string.Create(c, $"| latency, worst (sample time) | {worst:+0.00;-0.00} s | ≤ 2 s |"));
        output.WriteLine(string.Create(c, $"| rate-dependent delay on a live link (grid latency bound) | ≤ {gridLatency.TotalSeconds:F2} s after the sample | stated |"));
        bool met = recall >= 0.98 && falsePerHour <= 0.2 && worst <= 2;
        output.WriteLine();
        output.WriteLine(met ? "All targets met." : "A target is missed.");
        return Task.FromResult(met ? 0 : 1);
    }

    /// <summary>
    /// A device time of the truth on the true time line the WitMotion sensors share with the host, µs: the inverse of
    /// <see cref="GroundTruth.DeviceMicrosecondsAt"/> (the plan's device clock is unskewed, see <see cref="HostTimedPlan"/>).
    /// </summary>
    private static long TrueMicroseconds(SimulationPlan plan, long deviceMicroseconds) =>
        (long)Math.Round((deviceMicroseconds - plan.StartTick) / plan.ClockRate);

    private static (List<DetectedAlert> Alerts, TimeSpan Latency) Detect(SimulationPlan plan, GroundTruth truth)
    {
        var sink = new AlertSink();
        using var chain = new DeviceChain(new InMemoryCalibrationStore(), sink, Scheduler.Immediate, new DeviceChainOptions
        {
            Signals = new SignalOptions { DeviceTime = new DeviceTimeOptions { Clock = ClockSource.Device, Start = DateTimeOffset.UnixEpoch } },
        });
        var streams = new WearerStreams(50);
        streams.Functional.Start();
        var feed = new WearerChainFeed(chain, WearerIdentity.For("sim-witmotion", "sim:lumbar", "sim:pelvis"), streams);
        var cues = new Queue<(long At, DeviceCue Cue)>(truth.Events
            .Where(e => !e.Lost && e.Code is 1 or 4)
            .Select(e => (TrueMicroseconds(plan, e.DeviceMicroseconds), e.Code == 1 ? DeviceCue.CalibrateButton : DeviceCue.SnoozeButton))
            .OrderBy(e => e.Item1));
        var lumbar = new WitMotionSensorModel(plan, SensorPlacement.Lumbar);
        var pelvis = new WitMotionSensorModel(plan, SensorPlacement.Pelvis);
        var readings = lumbar.Readings().Where(r => r.IsDelivered).Select(r => (Segment: WearerSegment.Lumbar, Reading: r))
            .Concat(pelvis.Readings().Where(r => r.IsDelivered).Select(r => (Segment: WearerSegment.Pelvis, Reading: r)))
            .OrderBy(x => x.Reading.ArrivalTimeMicroseconds);
        long timer = 0;
        foreach (var (segment, r) in readings)
        {
            for (; timer < r.ArrivalTimeMicroseconds; timer += 100_000)
            {
                feed.Advance(timer); // the host's timer: the grid moves on while both sensors are silent
            }

            while (cues.Count > 0 && cues.Peek().At <= r.ArrivalTimeMicroseconds)
            {
                var (at, cue) = cues.Dequeue();
                chain.Cue(cue, at);
            }

            feed.Reading(segment, Decoded(r));
        }

        feed.Complete();
        return (sink.Alerts, streams.Latency);
    }

    private static PostureStream.Protocol.WitMotion.WitMotionReading Decoded(SimReading r) =>
        new(r.ArrivalTimeMicroseconds, WitMotionReadingKind.Angle, r.RollDegrees, r.PitchDegrees, r.YawDegrees, double.NaN);

    private sealed class AlertSink : IDeviceChainSink
    {
        public List<DetectedAlert> Alerts { get; } = [];

        public void OnAlert(in AlertEvent alert) =>
            Alerts.Add(new DetectedAlert(VocabularyText.ToText(alert.Kind), VocabularyText.ToText(alert.Phase), alert.DeviceMicros));

        public void OnPosture(in PosturePoint point)
        {
        }

        public void OnBend(in BendEvent bend)
        {
        }

        public void OnSummary(in MinuteSummary summary)
        {
        }

        public void OnStateChanged(in DetectionStateChange change)
        {
        }
    }
}
