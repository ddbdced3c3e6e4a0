using System.Reactive.Subjects;
using PostureStream.Protocol;
using PostureStream.Signals.Pipeline;

namespace PostureStream.Signals;

/// <summary>
/// The calibration of one device: its neutrals, loaded from and saved to an
/// <see cref="ICalibrationStore"/> under the HELLO device id, and the inputs that ask for new ones.
/// The pipeline feeds it frames through <c>ApplyCalibration</c>; the control methods
/// (<see cref="Request"/>, <see cref="ReportSitting"/>, <see cref="ReportWalking"/>) may be called from any
/// thread and take effect from the next frame.
/// </summary>
public sealed class DeviceCalibration : IDisposable
{
    private readonly Lock gate = new();
    private readonly ICalibrationStore store;
    private readonly CalibrationOptions options;
    private readonly long staleGapMicroseconds;
    private readonly long bridgedGapMicroseconds;
    private readonly Subject<CalibrationNotice> notices = new();
    private readonly WalkingCue walkingCue;

    // Control inputs, written by any thread under the gate, read once per frame.
    private NeutralKind? requested;
    private bool sitting;
    private TimeSpan walkingReported;

    // Pipeline state, touched only by the frame path.
    private bool loaded;
    private CalibrationRecord record = new(0, null, null, StaleReason.None);
    private NeutralSet? current;
    private NeutralKind collectingKind;
    private CalibrationSource collectingSource;
    private QuietWindow? window;
    private long lastSampleMicroseconds;

    public DeviceCalibration(ICalibrationStore store, CalibrationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        this.store = store;
        this.options = (options ?? new CalibrationOptions()).Validate();
        staleGapMicroseconds = (long)this.options.StaleAfterGap.TotalMicroseconds;
        bridgedGapMicroseconds = (long)this.options.QuietMaxBridgedGap.TotalMicroseconds;
        walkingCue = new WalkingCue(this.options);
    }

    /// <summary>Loaded, waiting, taken and stale notices, on the pipeline's thread.</summary>
    public IObservable<CalibrationNotice> Notices => notices;

    /// <summary>The neutrals in use, or null while uncalibrated.</summary>
    public NeutralSet? Current => Volatile.Read(ref current);

    /// <summary>The stored record as the pipeline last saw it.</summary>
    public CalibrationRecord Record => Volatile.Read(ref record);

    public CalibrationState State => Current switch
    {
        null => CalibrationState.Uncalibrated,
        { IsStale: true } => CalibrationState.Stale,
        _ => CalibrationState.Calibrated,
    };

    /// <summary>True while a neutral is wanted and the next quiet window will be taken.</summary>
    public bool IsWaiting => Volatile.Read(ref window) is not null;

    /// <summary>The <c>calibrate</c> command or the dashboard's button: take the next quiet window as this neutral.</summary>
    public void Request(NeutralKind kind = NeutralKind.Standing)
    {
        lock (gate)
        {
            requested = kind;
        }
    }

    /// <summary>
    /// Detection's activity hint: whether the wearer sits now. An EVENT code 1 while sitting takes the sitting
    /// neutral, otherwise the standing one; automatic calibration never takes a window while sitting.
    /// </summary>
    public void ReportSitting(bool isSitting)
    {
        lock (gate)
        {
            sitting = isSitting;
        }
    }

    /// <summary>
    /// Detection's walking report, after every frame: how long the current walk has lasted in device time, or zero
    /// when the wearer does not walk. When no standing neutral is stored (or it is stale), a walk of at least
    /// <see cref="CalibrationOptions.MinWalkingForAuto"/> (5 s) arms the automatic standing neutral: a quiet window
    /// that starts within <see cref="CalibrationOptions.AutoQuietWithin"/> (5 s) after the walk ends, with the pelvis
    /// within <see cref="CalibrationOptions.AutoMaxPelvisChangeDegrees"/> (6°) of where it was while walking.
    /// </summary>
    public void ReportWalking(TimeSpan duration)
    {
        lock (gate)
        {
            walkingReported = duration;
        }
    }

    public void Dispose() => notices.Dispose();

    /// <summary>
    /// Runs one input of the device through the calibration: <paramref name="samples"/> (low-passed, possibly none)
    /// or a cue, at the device time and UTC stamp of the input. Sets each sample's calibration state and returns it.
    /// </summary>
    internal CalibrationState Process(ulong deviceId, Span<PostureSample> samples, long deviceMicroseconds, long utcMicroseconds, DeviceCue? cue)
    {
        var frame = new FrameContext(deviceMicroseconds, utcMicroseconds);
        if (!loaded || deviceId != record.DeviceId)
        {
            Load(deviceId, frame);
        }

        NeutralKind? request;
        bool isSitting;
        TimeSpan walk;
        lock (gate)
        {
            request = requested;
            requested = null;
            isSitting = sitting;
            walk = walkingReported;
        }

        walkingCue.Report(walk, lastSampleMicroseconds);

        if (request is NeutralKind kind)
        {
            StartCollecting(kind, CalibrationSource.Command, frame);
        }

        if (walkingCue.IsArmed && window is null && (record.Standing is null || (record.Stale != StaleReason.None && options.AutoCalibrateWhenStale)))
        {
            StartCollecting(NeutralKind.Standing, CalibrationSource.AfterWalking, frame);
        }

        if (cue == DeviceCue.CalibrateButton)
        {
            StartCollecting(isSitting ? NeutralKind.Sitting : NeutralKind.Standing, CalibrationSource.DeviceButton, frame);
        }
        else if (cue == DeviceCue.SensorReinitialised)
        {
            MarkStale(StaleReason.SensorReinitialised, frame);
        }

        ProcessSamples(samples, frame, isSitting);

        CalibrationState state = State;
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i].Calibration = state;
        }

        return state;
    }

    /// <summary>The Rx stage's door (<c>ApplyCalibration</c>): a frame's samples, and its EVENT as a cue.</summary>
    internal void Process(PostureFrame frame)
    {
        DeviceCue? cue = (frame.Message as EventMessage)?.Code switch
        {
            DeviceEventCode.CalibrateRequest => DeviceCue.CalibrateButton,
            DeviceEventCode.SensorReinitialised => DeviceCue.SensorReinitialised,
            _ => null,
        };
        frame.Calibration = Process(frame.DeviceId, frame.MutableSamples, frame.DeviceMicroseconds, frame.UtcMicroseconds, cue);
        frame.Neutrals = current;
    }

    private void ProcessSamples(ReadOnlySpan<PostureSample> samples, FrameContext frame, bool isSitting)
    {
        for (int i = 0; i < samples.Length; i++)
        {
            ref readonly PostureSample s = ref samples[i];
            lastSampleMicroseconds = s.DeviceMicroseconds;
            bool gap = (s.Marks & SampleMarks.Gap) != 0;
            if ((s.Marks & SampleMarks.DeviceReset) != 0)
            {
                MarkStale(StaleReason.DeviceReset, frame);
            }
            else if (gap && s.GapMicroseconds > staleGapMicroseconds)
            {
                MarkStale(StaleReason.LongGap, frame);
            }

            walkingCue.Sample(s.DeviceMicroseconds, s.Faults == SensorFaults.None ? s.Filtered.PelvisPitchDegrees : double.NaN);
            if (window is null)
            {
                continue;
            }

            if (collectingSource == CalibrationSource.AfterWalking && !walkingCue.IsArmed)
            {
                // No quiet window followed the walk closely enough: stop waiting until the next walk.
                Volatile.Write(ref window, null);
                continue;
            }

            // The button only asks for a neutral: the posture held through the quiet seconds decides which
            // (a press while sitting down must not take the chair as the standing neutral).
            NeutralKind posture = isSitting ? NeutralKind.Sitting : NeutralKind.Standing;
            if (collectingSource == CalibrationSource.DeviceButton && record.Standing is not null && posture != collectingKind)
            {
                collectingKind = posture;
                window.Clear();
            }

            SensorAngles f = s.Filtered;
            bool usable = s.Faults == SensorFaults.None
                && (!gap || (s.GapMicroseconds > 0 && s.GapMicroseconds <= bridgedGapMicroseconds))
                && !double.IsNaN(f.LumbarPitchDegrees + f.LumbarRollDegrees + f.PelvisPitchDegrees + f.PelvisRollDegrees)
                && !(collectingSource == CalibrationSource.AfterWalking && (isSitting || walkingCue.IsWalking));
            if (!usable)
            {
                window.Clear();
                continue;
            }

            if (gap)
            {
                window.Bridge();
            }

            if (window.Add(s.DeviceMicroseconds, f) && Admits(window))
            {
                Take(window, s, frame);
            }
        }
    }

    /// <summary>A command or the button takes any quiet window; the automatic neutral only one that follows a walk upright.</summary>
    private bool Admits(QuietWindow quiet) =>
        collectingSource != CalibrationSource.AfterWalking
        || walkingCue.Admits(quiet.StartMicroseconds!.Value, quiet.Median().PelvisPitchDegrees);

    private void Load(ulong deviceId, FrameContext frame)
    {
        loaded = true;
        CalibrationRecord? stored = store.Load(deviceId);
        Volatile.Write(ref record, stored ?? new CalibrationRecord(deviceId, null, null, StaleReason.None));
        Rebuild();
        if (stored is not null)
        {
            Notify(CalibrationNoticeKind.Loaded, NeutralKind.Standing, stored.Standing?.Source ?? CalibrationSource.Command, frame);
        }
    }

    private void StartCollecting(NeutralKind kind, CalibrationSource source, FrameContext frame)
    {
        collectingKind = kind;
        collectingSource = source;
        if (window is null)
        {
            Volatile.Write(ref window, new QuietWindow(options));
        }
        else
        {
            window.Clear();
        }

        Notify(CalibrationNoticeKind.Waiting, kind, source, frame);
    }

    private void Take(QuietWindow quiet, in PostureSample at, FrameContext frame)
    {
        var neutral = new Neutral(quiet.Median(), DateTimeOffset.UnixEpoch.AddTicks(at.UtcMicroseconds * TimeSpan.TicksPerMicrosecond), collectingSource);
        CalibrationRecord r = record;
        r = collectingKind == NeutralKind.Standing
            // A standing neutral taken because the old one went stale replaces the sitting one taken with it too.
            ? r with { Standing = neutral, Sitting = r.Stale == StaleReason.None ? r.Sitting : null, Stale = StaleReason.None }
            : r with { Sitting = neutral };
        var taken = new WindowCoverage(quiet.Count, quiet.NominalPoints, quiet.Holes);
        Volatile.Write(ref window, null);
        if (collectingSource == CalibrationSource.AfterWalking)
        {
            walkingCue.Disarm();
        }

        Save(r);
        Notify(CalibrationNoticeKind.Taken, collectingKind, collectingSource, frame, taken);
    }

    private void MarkStale(StaleReason reason, FrameContext frame)
    {
        if ((record.Standing is null && record.Sitting is null) || record.Stale != StaleReason.None)
        {
            return;
        }

        Save(record with { Stale = reason });
        Notify(CalibrationNoticeKind.Stale, NeutralKind.Standing, record.Standing?.Source ?? CalibrationSource.Command, frame);
    }

    private void Save(CalibrationRecord updated)
    {
        Volatile.Write(ref record, updated);
        store.Save(updated);
        Rebuild();
    }

    private void Rebuild() =>
        Volatile.Write(ref current, record.Standing is null ? null : new NeutralSet(record.Standing, record.Sitting, record.Stale, options));

    private void Notify(CalibrationNoticeKind kind, NeutralKind neutral, CalibrationSource source, FrameContext frame, WindowCoverage? coverage = null) =>
        notices.OnNext(new CalibrationNotice(record.DeviceId, kind, neutral, source, record.Stale, frame.DeviceMicroseconds, frame.Utc) { Window = coverage });

    /// <summary>The device time and UTC stamp of the input being processed: what notices are stamped with.</summary>
    private readonly record struct FrameContext(long DeviceMicroseconds, long UtcMicroseconds)
    {
        public DateTimeOffset Utc => DateTimeOffset.UnixEpoch.AddTicks(UtcMicroseconds * TimeSpan.TicksPerMicrosecond);
    }
}
