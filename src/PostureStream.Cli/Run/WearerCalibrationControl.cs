using PostureStream.Dashboard.Live;
using PostureStream.Signals;
using PostureStream.Signals.Detection;
using PostureStream.Signals.Pipeline;
using PostureStream.Signals.Wearers;

namespace PostureStream.Cli.Run;

/// <summary>
/// A running wearer's calibration, as the dashboard and the terminal see it (Cli/Run README, wearers):
/// <list type="bullet">
/// <item>the dashboard's <b>Calibrate standing</b> starts the guided functional calibration (stand still, one slow
/// bend and back); each step and what to do goes to the live card; when done, both sensors' alignments are saved
/// (<see cref="SensorAlignmentStore"/>) and the chain takes the standing neutral from the next quiet seconds;
/// <b>Calibrate sitting</b> takes the sitting neutral as for a PSP device;</item>
/// <item>the <see cref="MountingWatch"/>: a sensor whose standing gravity direction moved beyond the threshold since its
/// alignment was saved has its alignment file marked stale, is warned about once, and the live card says so.</item>
/// </list>
/// Everything but <see cref="RequestCalibration"/> and <see cref="Snooze"/> runs on the wearer's feeding thread,
/// under the wearer's lock; those two take that lock themselves.
/// </summary>
internal sealed class WearerCalibrationControl
{
    private readonly Lock _gate;
    private readonly WearerStreams _streams;
    private readonly SensorAlignmentStore _store;
    private readonly (string Lumbar, string Pelvis) _keys;
    private readonly (string Lumbar, string Pelvis) _uris;
    private readonly RunReporter _reporter;
    private readonly LiveView? _live;
    private readonly TimeProvider _time;
    private readonly string _name;
    private readonly MountingWatch _watch = new();
    private readonly HashSet<WearerSegment> _warned = [];
    private DeviceChain? _chain;
    private int _interruptionsShown;

    public WearerCalibrationControl(
        Lock gate, string name, WearerStreams streams, SensorAlignmentStore store, (string Lumbar, string Pelvis) keys,
        (string Lumbar, string Pelvis) uris, RunReporter reporter, LiveView? live, TimeProvider time)
    {
        _gate = gate;
        _name = name;
        _streams = streams;
        _store = store;
        _keys = keys;
        _uris = uris;
        _reporter = reporter;
        _live = live;
        _time = time;
        streams.StepChanged = OnStep;
    }

    /// <summary>The wearer's chain once its first reading built it (under the wearer's lock).</summary>
    public DeviceChain? Chain
    {
        get => Volatile.Read(ref _chain);
        set => Volatile.Write(ref _chain, value);
    }

    public CommandResult RequestCalibration(bool sitting)
    {
        lock (_gate)
        {
            if (sitting)
            {
                if (Chain is not { } chain)
                {
                    return CommandResult.Refused($"{_name}'s sensors have sent nothing yet; calibrate once its card shows angles");
                }

                chain.RequestCalibration(NeutralKind.Sitting);
                return CommandResult.Done("Sit upright and comfortable and hold still for 5 seconds.");
            }

            _streams.Functional.Start();
            _interruptionsShown = _streams.Functional.Interruptions;
            Show(GuidanceStep.StandStill, FunctionalCalibrationPrompts.StandStill);
            _reporter.Info($"{_name}: functional calibration started from the dashboard");
            return CommandResult.Done($"{FunctionalCalibrationPrompts.StandStill} Then: {FunctionalCalibrationPrompts.Bend}");
        }
    }

    public CommandResult Snooze()
    {
        if (Chain?.Detector is not { } detector)
        {
            return CommandResult.Refused($"{_name}'s sensors have sent nothing yet; snooze once its card shows angles");
        }

        detector.RequestSnooze();
        return CommandResult.Done("Alerts snoozed for 30 minutes: no notifications; alerts are still recorded.");
    }

    /// <summary>A posture point of the wearer's chain: the stand-still progress, and the mounting watch.</summary>
    public void Posture(in PosturePoint point)
    {
        FunctionalCalibration functional = _streams.Functional;
        if (functional.Step == FunctionalCalibrationStep.StandStill)
        {
            string progress = FunctionalCalibrationPrompts.StillProgress(functional);
            if (functional.Interruptions != _interruptionsShown && functional.Interruption is { } why)
            {
                progress = FunctionalCalibrationPrompts.Interrupted(why) + " " + progress;
            }

            Show(GuidanceStep.StandStill, progress);
            return;
        }

        if (functional.Step == FunctionalCalibrationStep.Bend)
        {
            return; // the wearer is bending on purpose: not a moved sensor
        }

        var angles = new SensorAngles(point.LumbarPitch, point.LumbarRoll, point.PelvisPitch, point.PelvisRoll);
        if (_watch.Observe(point.DeviceMicros, point.Activity == Activity.Walking, angles) is { } moved)
        {
            foreach (WearerSegment segment in moved)
            {
                MarkMoved(segment, point.Utc);
            }
        }
    }

    private void OnStep(FunctionalCalibrationStep step)
    {
        FunctionalCalibration functional = _streams.Functional;
        switch (step)
        {
            case FunctionalCalibrationStep.Bend:
                Show(GuidanceStep.Bend, FunctionalCalibrationPrompts.Bend);
                break;
            case FunctionalCalibrationStep.Done when functional.Result is { } found:
                DateTimeOffset now = _time.GetUtcNow();
                if (!TrySave(new SensorAlignmentRecord(_keys.Lumbar, found.Lumbar, now, Stale: false))
                    || !TrySave(new SensorAlignmentRecord(_keys.Pelvis, found.Pelvis, now, Stale: false)))
                {
                    Show(GuidanceStep.Failed, FunctionalCalibrationPrompts.Failed("the alignments could not be saved (see the terminal)"));
                    break;
                }

                _warned.Clear();
                // The old neutral was measured through the old alignments: the chain takes a new one as the wearer stands.
                Chain?.RequestCalibration(NeutralKind.Standing);
                Show(GuidanceStep.Done, FunctionalCalibrationPrompts.Done + " Stand still a moment while the standing neutral is taken.");
                _reporter.Info($"{_name}: functional calibration done; both sensors' alignments saved in {_store.Directory}");
                break;
            case FunctionalCalibrationStep.Failed:
                string why = functional.Failure ?? "the calibration stopped";
                Show(GuidanceStep.Failed, FunctionalCalibrationPrompts.Failed(why) + " Press Calibrate standing to try again.");
                _reporter.Warn(_name, "functional calibration failed: " + why, null);
                break;
            case FunctionalCalibrationStep.Done:
            case FunctionalCalibrationStep.StandStill:
            case FunctionalCalibrationStep.Idle:
                break;
        }
    }

    /// <summary>A sensor looks re-attached: its alignment file turns stale (once per run and sensor), with a warning.</summary>
    private void MarkMoved(WearerSegment segment, DateTime at)
    {
        string key = segment == WearerSegment.Lumbar ? _keys.Lumbar : _keys.Pelvis;
        // Only a saved alignment can go stale; the reference mounting (never calibrated) has nothing to compare with.
        if (_warned.Contains(segment) || Load(key) is not { } record)
        {
            return;
        }

        _warned.Add(segment);
        if (!record.Stale)
        {
            TrySave(record with { Stale = true });
        }

        string text = FunctionalCalibrationPrompts.Moved(segment, _name, _uris.Lumbar, _uris.Pelvis);
        _reporter.Warn(_name, text, at);
        Show(GuidanceStep.Needed, $"The {FunctionalCalibrationPrompts.SegmentName(segment)} sensor moved since it was calibrated: press Calibrate standing and follow the steps.");
    }

    /// <summary>A file that cannot be written (a full disk, a newer version's file) is a warning: monitoring goes on.</summary>
    private bool TrySave(SensorAlignmentRecord record)
    {
        try
        {
            _store.Save(record);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CalibrationVersionException)
        {
            _reporter.Warn(_name, $"cannot save the alignment of sensor {record.SensorKey} in {_store.Directory}: {e.Message}", null);
            return false;
        }
    }

    private SensorAlignmentRecord? Load(string key)
    {
        try
        {
            return _store.Load(key);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CalibrationVersionException)
        {
            _reporter.Warn(_name, $"cannot read the alignment of sensor {key}: {e.Message}", null);
            return null;
        }
    }

    private void Show(GuidanceStep step, string message) => _live?.Guide(new CalibrationGuidance(step, message));
}
