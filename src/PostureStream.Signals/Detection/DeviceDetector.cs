namespace PostureStream.Signals.Detection;

/// <summary>
/// Activity, episodes, alerts, bends, rollups and decimation for ONE device (Detection README), fed batches of
/// conditioned samples in device-time order. Not thread-safe: feed it from one thread (an Rx pipeline
/// does); only <see cref="RequestSnooze"/> may be called from elsewhere. Allocates nothing per sample.
/// </summary>
public sealed class DeviceDetector
{
    private readonly DetectionRules _rules;
    private WalkingDetector _walking;
    private ActivityClassifier _activity;
    private EpisodeTracker _flattening;
    private EpisodeTracker _hyperextension;
    private PostureHysteresis _hysteresis;
    private BuzzGovernor _buzz;
    private BendTracker _bend;
    private MinuteRollup _minute;
    private long _lastMicros;
    private DateTime _lastUtc;
    private long _lastBucket;
    private int _snoozeRequested;
    private Activity _lastActivity;
    private PostureState _lastState;
    private bool _hasLast;

    public DeviceDetector(DeviceIdentity device, DetectionOptions options)
        : this(device, DetectionRules.From(options))
    {
    }

    internal DeviceDetector(DeviceIdentity device, DetectionRules rules)
    {
        ArgumentNullException.ThrowIfNull(device);
        Device = device;
        _rules = rules;
        _walking = new WalkingDetector(rules.Walking);
        _buzz = new BuzzGovernor();
        Restart();
    }

    public DeviceIdentity Device { get; }

    /// <summary>Debounced activity at the last sample.</summary>
    public Activity Activity => _lastActivity;

    /// <summary>Posture state at the last sample.</summary>
    public PostureState State => _lastState;

    /// <summary>Device time of the last sample (−1 before any).</summary>
    public long LastDeviceMicros => _hasLast ? _lastMicros : -1;

    /// <summary>
    /// How long the wearer has been walking without a break, up to the last sample (zero when not walking).
    /// Works before any neutral exists: the calibration stage's "5 s of walking" hook (Signals README, angles).
    /// </summary>
    public TimeSpan ContinuousWalking => _walking.WalkingDuration(_lastMicros);

    /// <summary>Device time until which buzzes are held back by a snooze (long.MinValue when never snoozed).</summary>
    public long SnoozedUntilMicros => _buzz.SnoozedUntilMicros;

    /// <summary>The open episode with the most accumulated time (the live view's episode timer), or null.</summary>
    public (AlertKind Kind, TimeSpan Accumulated)? RunningEpisode
    {
        get
        {
            (AlertKind Kind, long Micros)? best = null;
            if (_flattening.IsOpen)
            {
                best = (AlertKind.Flattening, _flattening.AccumulatedMicros);
            }

            if (_hyperextension.IsOpen && (best is null || _hyperextension.AccumulatedMicros > best.Value.Micros))
            {
                best = (AlertKind.Hyperextension, _hyperextension.AccumulatedMicros);
            }

            return best is { } b ? (b.Kind, TimeSpan.FromMicroseconds(b.Micros)) : null;
        }
    }

    /// <summary>Snooze buzzes for the configured time from this device time (EVENT code 4 carries one).</summary>
    public void Snooze(long deviceMicros) => _buzz.Snooze(deviceMicros, _rules);

    /// <summary>Thread-safe: snooze from the next sample processed (the dashboard's button).</summary>
    public void RequestSnooze() => Interlocked.Exchange(ref _snoozeRequested, 1);

    /// <summary>Processes a batch of samples (any length) in order; outputs go to <paramref name="sink"/>.</summary>
    public void Process(ReadOnlySpan<PostureInput> samples, IDetectionSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (samples.IsEmpty)
        {
            return;
        }

        if (Volatile.Read(ref _snoozeRequested) != 0 && Interlocked.Exchange(ref _snoozeRequested, 0) != 0)
        {
            Snooze(samples[0].DeviceMicros);
        }

        for (int i = 0; i < samples.Length; i++)
        {
            Step(in samples[i], sink);
        }
    }

    /// <summary>
    /// End of the source (Signals README, device time): clears open raised episodes at the last sample, reports a bend in
    /// progress and flushes the partial minute. The detector may be fed again afterwards (a new segment).
    /// </summary>
    public void Complete(IDetectionSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (!_hasLast)
        {
            return;
        }

        EndEpisodes(sink);
        if (_bend.Finish())
        {
            sink.OnBend(_bend.ToEvent(Device, _rules.LumbarDominantShare));
        }

        if (_minute.HasData)
        {
            sink.OnSummary(_minute.Take(Device));
        }

        Restart();
    }

    private void Restart()
    {
        _walking.Reset();
        _activity.Restart();
        _flattening.End();
        _hyperextension.End();
        _hysteresis.Reset();
        _lastBucket = long.MinValue;
        _hasLast = false;
        _lastActivity = Activity.Unknown;
        _lastState = PostureState.Uncalibrated;
    }

    private void Step(in PostureInput s, IDetectionSink sink)
    {
        PostureInputFlags flags = s.Flags;
        bool gap = (flags & (PostureInputFlags.GapBefore | PostureInputFlags.SegmentStart)) != 0 && _hasLast;
        long dt = 0;
        if (gap)
        {
            OnGap(in s, sink);
        }
        else if (_hasLast)
        {
            dt = Math.Max(0, s.DeviceMicros - _lastMicros);
        }

        bool lumbarOk = (flags & PostureInputFlags.LumbarFault) == 0 && !double.IsNaN(s.LumbarPitch);
        bool pelvisOk = (flags & PostureInputFlags.PelvisFault) == 0 && !double.IsNaN(s.PelvisPitch);
        bool walking = _walking.Update(s.DeviceMicros, pelvisOk ? s.PelvisPitchSpikeFiltered : double.NaN);
        Activity activity = _activity.Update(in s, walking, lumbarOk, pelvisOk, _rules);
        Activity raw = _activity.Raw;

        // Which neutral: sitting as soon as the pelvis says so, standing again only once the debounced
        // activity has left sitting (sitting down is not a second of flattening against the standing
        // neutral; a reach from the chair is still judged against the sitting one).
        bool sitting = raw == Activity.Sitting || activity == Activity.Sitting;
        double delta = sitting ? s.LordosisDeltaSitting : s.LordosisDeltaStanding;
        EpisodeThresholds thresholds = sitting ? _rules.Sitting : _rules.Standing;
        PostureState state = !lumbarOk || !pelvisOk ? PostureState.SensorFault
            : (flags & PostureInputFlags.Uncalibrated) != 0 || double.IsNaN(delta) ? PostureState.Uncalibrated
            : _hysteresis.Update(delta, thresholds);

        RunEpisodes(in s, gap, raw, activity, state, delta, thresholds, sink);
        if (_bend.Update(in s, lumbarOk && s.LumbarFlexion > _rules.BendingDegrees, activity == Activity.Bending))
        {
            sink.OnBend(_bend.ToEvent(Device, _rules.LumbarDominantShare));
        }

        bool judged = state is not (PostureState.SensorFault or PostureState.Uncalibrated);
        Record(in s, dt, gap, activity, state, pelvisOk ? s.PelvicTilt : double.NaN, lumbarOk ? s.LumbarFlexion : double.NaN, judged ? delta : double.NaN, sink);
    }

    /// <summary>
    /// Episodes count only settled sitting or standing: the sample's own judgement agrees with the
    /// debounced activity (then both pick the same neutral). Gait, a bend or a lying pose pause the
    /// episode the moment they show, and so does a change of activity still being debounced, so
    /// standing up, sitting down or reaching never opens, feeds or ends an episode.
    /// </summary>
    private void RunEpisodes(in PostureInput s, bool gap, Activity raw, Activity activity, PostureState state, double delta, EpisodeThresholds thresholds, IDetectionSink sink)
    {
        bool counts = state is not (PostureState.SensorFault or PostureState.Uncalibrated)
            && raw == activity
            && activity is (Activity.Sitting or Activity.Standing)
            && !_activity.InLyingPose;
        if (gap || !counts)
        {
            _flattening.Pause();
            _hyperextension.Pause();
        }

        if (counts)
        {
            Detect(in s, delta, thresholds, activity, sink);
        }
    }

    /// <summary>Minute rollup, decimated point, state change; then this sample becomes the last one.</summary>
    private void Record(in PostureInput s, long dt, bool gap, Activity activity, PostureState state, double tilt, double flexion, double delta, IDetectionSink sink)
    {
        if (_minute.IsNewMinute(s.Utc))
        {
            sink.OnSummary(_minute.Take(Device));
        }

        _minute.Add(s.Utc, dt, state, activity, tilt, delta, gap);

        long bucket = FloorDiv(s.DeviceMicros, _rules.DecimationMicros);
        if (bucket != _lastBucket)
        {
            _lastBucket = bucket;
            sink.OnPosture(new PosturePoint(Device, s.Utc, s.DeviceMicros, s.LumbarPitch, s.LumbarRoll, s.PelvisPitch, s.PelvisRoll,
                tilt, flexion, delta, activity, state));
        }

        if (activity != _lastActivity || state != _lastState)
        {
            sink.OnStateChanged(new DetectionStateChange(Device, s.Utc, s.DeviceMicros, activity, state, _lastActivity, _lastState));
            _lastActivity = activity;
            _lastState = state;
        }

        _lastMicros = s.DeviceMicros;
        _lastUtc = s.Utc;
        _hasLast = true;
    }

    private void Detect(in PostureInput s, double delta, EpisodeThresholds t, Activity activity, IDetectionSink sink)
    {
        EpisodeStep flat = _flattening.Step(in s, -delta, -t.FlatteningStart, -t.FlatteningEnd, _rules);
        if (flat != EpisodeStep.None)
        {
            Alert(AlertKind.Flattening, flat, s.DeviceMicros, s.Utc, activity, sink);
        }

        EpisodeStep hyper = _hyperextension.Step(in s, delta, t.HyperextensionStart, t.HyperextensionEnd, _rules);
        if (hyper != EpisodeStep.None)
        {
            Alert(AlertKind.Hyperextension, hyper, s.DeviceMicros, s.Utc, activity, sink);
        }
    }

    private void OnGap(in PostureInput s, IDetectionSink sink)
    {
        long gapMicros = s.GapMicros > 0 ? s.GapMicros : s.DeviceMicros - _lastMicros;
        bool segment = (s.Flags & PostureInputFlags.SegmentStart) != 0;
        if (segment || gapMicros > _rules.GapMicros)
        {
            // The episode ended where the data stopped: clear it at the last sample before the gap.
            EndEpisodes(sink);
        }

        if (_bend.Finish())
        {
            sink.OnBend(_bend.ToEvent(Device, _rules.LumbarDominantShare));
        }

        // A few lost frames do not stop a walk: the gait keeps its rhythm across them, and a lossy link must
        // still show the 5 s of walking that arms the automatic standing neutral. A longer gap starts afresh.
        if (segment || gapMicros > WalkingDetector.MaxBridgedGapMicros)
        {
            _walking.Reset();
        }

        if (segment)
        {
            _activity.Restart();
            _hysteresis.Reset();
        }
        else
        {
            _activity.AfterGap();
        }
    }

    private void EndEpisodes(IDetectionSink sink)
    {
        if (_flattening.End() == EpisodeStep.Cleared)
        {
            Alert(AlertKind.Flattening, EpisodeStep.Cleared, _lastMicros, _lastUtc, _lastActivity, sink);
        }

        if (_hyperextension.End() == EpisodeStep.Cleared)
        {
            Alert(AlertKind.Hyperextension, EpisodeStep.Cleared, _lastMicros, _lastUtc, _lastActivity, sink);
        }
    }

    private void Alert(AlertKind kind, EpisodeStep step, long micros, DateTime utc, Activity activity, IDetectionSink sink)
    {
        // The flattening tracker follows the negated delta, so its peak is turned back into a signed delta. A switch
        // (not a two-way ternary) so that a new alert kind does not compile until it has its own tracker.
        (EpisodeTracker e, double peakSign) = kind switch
        {
            AlertKind.Flattening => (_flattening, -1.0),
            AlertKind.Hyperextension => (_hyperextension, 1.0),
        };
        AlertPhase phase = step switch
        {
            EpisodeStep.Raised => AlertPhase.Raised,
            EpisodeStep.Reminder => AlertPhase.Reminder,
            EpisodeStep.Cleared => AlertPhase.Cleared,
            EpisodeStep.None => throw new System.Diagnostics.UnreachableException("a step that is no alert was alerted"),
        };
        bool buzzed = phase != AlertPhase.Cleared && _buzz.TryBuzz(micros, utc, _rules);
        double peak = peakSign * e.Peak;
        sink.OnAlert(new AlertEvent(Device, utc, micros, kind, phase, e.StartUtc, e.StartMicros,
            TimeSpan.FromMicroseconds(e.AccumulatedMicros), peak, activity, buzzed));
    }

    private static long FloorDiv(long value, long divisor)
    {
        long q = value / divisor;
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? q - 1 : q;
    }
}
