using PostureStream.Protocol;
using PostureStream.Simulation.Device;
using PostureStream.Simulation.Physiology;
using PostureStream.Simulation.Scenarios;

namespace PostureStream.Simulation.Truth;

/// <summary>
/// What a correct detector must say about a plan, computed from the intended posture (not the noisy
/// signal) at the ticks of the samples the host actually receives (lost frames are gaps).
/// </summary>
public sealed class GroundTruth
{
    private GroundTruth(SimulationPlan plan, EpisodeRules rules)
    {
        Plan = plan;
        Rules = rules;
    }

    public SimulationPlan Plan { get; }

    public EpisodeRules Rules { get; }

    public IReadOnlyList<TruthSegment> Segments { get; private set; } = [];

    public IReadOnlyList<TruthAlert> Alerts { get; private set; } = [];

    /// <summary>Spans in which no alert may be raised or reminded (walking, bending, fidgeting, upright sitting, sub-threshold…).</summary>
    public IReadOnlyList<TruthSpan> QuietSpans { get; private set; } = [];

    public IReadOnlyList<TruthEvent> Events { get; private set; } = [];

    public IReadOnlyList<TruthBend> Bends { get; private set; } = [];

    /// <summary>Steps between received samples over the gap threshold (lost frames, dropouts).</summary>
    public IReadOnlyList<TruthSpan> Gaps { get; private set; } = [];

    /// <summary>Spans with a sensor fault in force (reason = lumbar, pelvis or both).</summary>
    public IReadOnlyList<TruthSpan> Faults { get; private set; } = [];

    public long SamplesReceived { get; private set; }

    public long FramesLost { get; private set; }

    public long FirstMicroseconds { get; private set; }

    public long LastMicroseconds { get; private set; }

    public static GroundTruth Compute(SimulationPlan plan, EpisodeRules? rules = null)
    {
        var truth = new GroundTruth(plan, rules ?? EpisodeRules.Default);
        truth.Run();
        return truth;
    }

    /// <summary>Unwrapped device time at a true time of the scenario.</summary>
    public long DeviceMicrosecondsAt(TimeSpan trueTime) => Plan.StartTick + (long)Math.Round(trueTime.TotalMicroseconds * Plan.ClockRate);

    private void Run()
    {
        var alerts = new List<TruthAlert>();
        var quiet = new List<TruthSpan>();
        var gaps = new List<TruthSpan>();
        var faults = new List<TruthSpan>();
        var events = new List<TruthEvent>();
        var flattening = new EpisodeTracker("flattening", flattening: true, Rules, alerts, quiet);
        var hyper = new EpisodeTracker("hyperextension", flattening: false, Rules, alerts, quiet);
        WearerAnatomy anatomy = Plan.Anatomy;
        double gapMicroseconds = Rules.GapSamplePeriods * 1e6 / Plan.Device.SampleRateHz;
        long longGap = (long)Rules.LongGap.TotalMicroseconds;
        long? previous = null;
        uint lastTick = 0;
        Activity lastActivity = Activity.Standing;
        StatusFlags faultsInForce = StatusFlags.None;
        long faultStart = 0;
        foreach (DeviceItem item in new FrameGenerator(Plan).Generate(withTruth: true))
        {
            if (item.Message is EventMessage evt)
            {
                events.Add(new TruthEvent((int)evt.Code, DeviceEventNames.Name(evt.Code), Unwrap(evt.TickMicroseconds), evt.TickMicroseconds, item.Dropped));
            }

            if (item.Dropped)
            {
                FramesLost++;
            }

            if (item.Truth is not { } frame || item.Message is not (SamplesMessage or RawMessage) || item.Dropped)
            {
                continue;
            }

            if (frame.Faults != faultsInForce)
            {
                if (faultsInForce != StatusFlags.None)
                {
                    faults.Add(new TruthSpan(FaultName(faultsInForce), faultStart, frame.DeviceMicroseconds[0]));
                }

                faultsInForce = frame.Faults;
                faultStart = frame.DeviceMicroseconds[0];
            }

            for (int i = 0; i < frame.DeviceMicroseconds.Length; i++)
            {
                long us = frame.DeviceMicroseconds[i];
                uint tick = unchecked((uint)us);
                Activity activity = frame.Activities[i];
                bool gap = previous is { } p && us - p > gapMicroseconds;
                bool isLongGap = gap && us - previous!.Value > longGap;
                if (gap)
                {
                    gaps.Add(new TruthSpan("gap", previous!.Value, us));
                }

                double delta = frame.Clean[i].Lordosis - anatomy.NeutralFor(activity).Lordosis;
                bool fault = frame.Faults != StatusFlags.None;
                flattening.Step(us, tick, activity, delta, fault, gap, isLongGap);
                hyper.Step(us, tick, activity, delta, fault, gap, isLongGap);
                if (previous is null)
                {
                    FirstMicroseconds = us;
                }

                previous = us;
                lastTick = tick;
                lastActivity = activity;
                SamplesReceived++;
            }
        }

        LastMicroseconds = previous ?? 0;
        flattening.Finish(LastMicroseconds, lastTick, lastActivity);
        hyper.Finish(LastMicroseconds, lastTick, lastActivity);
        if (faultsInForce != StatusFlags.None)
        {
            faults.Add(new TruthSpan(FaultName(faultsInForce), faultStart, LastMicroseconds));
        }

        Segments = Plan.Segments.Select(ToTruth).ToArray();
        Bends = Plan.Segments.Where(s => SegmentKinds.IsBend(s.Kind)).Select(ToBend).ToArray();
        quiet.AddRange(Plan.Segments.Select(QuietSpanOf).OfType<TruthSpan>());
        // A quiet span may never hold a raise or reminder: drop any the episode rules contradict.
        QuietSpans = quiet
            .Where(q => !alerts.Any(a => a.Phase != "cleared" && a.DeviceMicroseconds >= q.StartMicroseconds && a.DeviceMicroseconds <= q.EndMicroseconds))
            .OrderBy(q => q.StartMicroseconds).ThenBy(q => q.Reason, StringComparer.Ordinal).ToArray();
        Alerts = alerts.OrderBy(a => a.DeviceMicroseconds).ThenBy(a => a.Kind, StringComparer.Ordinal).ToArray();
        Gaps = gaps;
        Faults = faults;
        Events = events;
    }

    private long Unwrap(uint tick) => Plan.StartTick + (long)unchecked(tick - (uint)Plan.StartTick);

    private TruthSegment ToTruth(PlannedSegment s) => new(
        s.Index,
        SegmentKinds.Name(s.Kind),
        Activities.Name(s.Activity),
        s.PostureName,
        DeviceMicrosecondsAt(s.Start),
        DeviceMicrosecondsAt(s.End),
        s.Start.TotalSeconds,
        s.End.TotalSeconds,
        s.Definition.Transition.TotalSeconds,
        Math.Round(s.NominalPelvicTiltDegrees, 3),
        Math.Round(s.NominalLordosisDeltaDegrees, 3),
        Math.Round(s.NominalLumbarFlexionDegrees, 3));

    private TruthBend ToBend(PlannedSegment s)
    {
        double lumbar = s.NominalLumbarFlexionDegrees;
        double pelvic = s.NominalPelvicTiltDegrees;
        double share = lumbar / (lumbar + pelvic);
        return new TruthBend(s.Index, DeviceMicrosecondsAt(s.Start), DeviceMicrosecondsAt(s.End), Math.Round(lumbar, 3), Math.Round(pelvic, 3), Math.Round(share, 3), share > 0.6);
    }

    /// <summary>After the transition and a 1 s debounce margin, segments of these kinds can never owe an alert.</summary>
    private TruthSpan? QuietSpanOf(PlannedSegment s)
    {
        string? reason = s.Kind switch
        {
            SegmentKind.Walking => "walking",
            SegmentKind.HipHingeBend or SegmentKind.LumbarBend => "bending",
            SegmentKind.Lying => "lying",
            SegmentKind.Fidgeting => "fidgeting",
            SegmentKind.Reaching => "reaching",
            SegmentKind.Sitting when s.PostureName == "neutral" => "upright-sitting",
            SegmentKind.Standing when s.PostureName == "neutral" => "neutral-standing",
            _ => null,
        };
        TimeSpan start = s.Start + s.Definition.Transition + TimeSpan.FromSeconds(1);
        return reason is null || start >= s.End ? null : new TruthSpan(reason, DeviceMicrosecondsAt(start), DeviceMicrosecondsAt(s.End));
    }

    private static string FaultName(StatusFlags flags) => flags switch
    {
        StatusFlags.LumbarFault => "lumbar",
        StatusFlags.PelvisFault => "pelvis",
        _ => "both",
    };
}
