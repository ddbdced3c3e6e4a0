using System.Reactive.Concurrency;
using System.Reactive.Linq;
using PostureStream.Protocol;
using PostureStream.Signals.Detection;
using PostureStream.Signals.Tests.Detection;
using PostureStream.Simulation;
using PostureStream.Simulation.Physiology;
using PostureStream.Simulation.Scenarios;
using PostureStream.Vocabulary;

namespace PostureStream.Signals.Tests;

/// <summary>
/// A simulated wearer's capture, through the signal stages and detection as <c>run</c> wires them: after every
/// frame detection reports sitting and walking to the calibration. Device clock, so no wall time is involved.
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
        using var calibration = new DeviceCalibration(store);
        using IDisposable noticeSubscription = calibration.Notices.Subscribe(notices.Add);
        if (request is NeutralKind kind)
        {
            calibration.Request(kind);
        }

        var detector = new DeviceDetector(new DeviceIdentity(plan.DeviceId, plan.DeviceName), new DetectionOptions());
        var sink = new RecordingSink();
        var inputs = new PostureInput[PspLayout.MaxSamplesPerFrame];
        using IDisposable subscription = Frames.DeviceClockPipeline(calibration)(Decode(capture.ToArray()).ToObservable(ImmediateScheduler.Instance))
            .Where(f => f.Kind == FrameKind.Samples)
            .Subscribe(frame =>
            {
                int count = PostureInputAdapter.Fill(frame, inputs);
                detector.Process(inputs.AsSpan(0, count), sink);
                calibration.ReportSitting(detector.Activity == Vocabulary.Activity.Sitting);
                calibration.ReportWalking(detector.ContinuousWalking);
            });

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
}
