using System.Reactive.Concurrency;
using PostureStream.Protocol;
using PostureStream.Signals.Detection;
using PostureStream.Signals.Pipeline;
using PostureStream.Simulation;
using PostureStream.Simulation.Physiology;
using PostureStream.Simulation.Scenarios;
using PostureStream.Vocabulary;

namespace PostureStream.Signals.Tests;

/// <summary>
/// A simulated wearer's capture through the one per-device chain <c>run</c> uses (<see cref="DeviceChain"/>, which
/// closes the sitting and walking feedback to the calibration itself). Device clock, so no wall time is involved.
/// </summary>
internal sealed class SimulatedCalibration
{
    private SimulatedCalibration(SimulationPlan plan, long lostFrames, CalibrationRecord? stored, List<CalibrationNotice> notices)
    {
        Plan = plan;
        LostFrames = lostFrames;
        Stored = stored;
        Notices = notices;
    }

    public SimulationPlan Plan { get; }

    /// <summary>The wearer's true standing neutral (what the simulator's ground truth holds).</summary>
    public PostureAngles TrueStanding => Plan.Anatomy.StandingNeutral;

    public PostureAngles TrueSitting => Plan.Anatomy.SittingNeutral;

    public long LostFrames { get; }

    public CalibrationRecord? Stored { get; }

    public List<CalibrationNotice> Notices { get; }

    public IEnumerable<CalibrationNotice> Taken => Notices.Where(n => n.Kind == CalibrationNoticeKind.Taken);

    /// <summary>Plays <paramref name="scenarioJson"/> for <paramref name="seed"/>; <paramref name="request"/> is asked for before the first frame.</summary>
    public static SimulatedCalibration Run(string scenarioJson, int seed, NeutralKind? request = null, ICalibrationStore? store = null)
    {
        SimulationPlan plan = SimulationPlan.Create(ScenarioFile.Parse(scenarioJson), seed);
        using var capture = new MemoryStream();
        CaptureSummary summary = CaptureWriter.WriteAsync(plan, capture, CancellationToken.None).GetAwaiter().GetResult();

        store ??= new InMemoryCalibrationStore();
        var notices = new List<CalibrationNotice>();
        var options = new DeviceChainOptions
        {
            Signals = new SignalOptions { DeviceTime = new DeviceTimeOptions { Clock = ClockSource.Device, Start = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero) } },
        };
        using (var chain = new DeviceChain(store, new NoticeSink(notices), ImmediateScheduler.Instance, options))
        {
            if (request is NeutralKind kind)
            {
                chain.RequestCalibration(kind);
            }

            var feed = new PspChainFeed(chain);
            foreach (PspMessage message in Decode(capture.ToArray()))
            {
                if (message is HelloMessage hello)
                {
                    feed.Identify(new DeviceIdentity(plan.DeviceId, plan.DeviceName), hello.SampleRateHz, hello.Sensors);
                }

                feed.Message(message);
            }

            chain.Complete();
        }

        return new SimulatedCalibration(plan, summary.LostFrames, store.Load(plan.DeviceId), notices);
    }

    private static List<PspMessage> Decode(ReadOnlySpan<byte> bytes)
    {
        var decoder = new PspStreamDecoder();
        var messages = new List<PspMessage>();
        while (decoder.TryDecode(ref bytes, out PspFrame frame))
        {
            messages.Add(frame.ToMessage());
        }

        return messages;
    }

    /// <summary>Keeps the calibration notices; the detection outputs are not what these tests look at.</summary>
    private sealed class NoticeSink(List<CalibrationNotice> notices) : IDeviceChainSink
    {
        public void OnCalibration(CalibrationNotice notice) => notices.Add(notice);

        public void OnPosture(in PosturePoint point)
        {
        }

        public void OnAlert(in AlertEvent alert)
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
