using System.Reactive.Concurrency;
using PostureStream.Signals.Detection;

namespace PostureStream.Signals.Pipeline;

/// <summary>
/// The whole per-device chain (Signals README, data path), from a sensor-neutral timed input to detection outputs:
/// device time line (gaps, resets, segments) → silence marks (live clock) → UTC stamps → sensor faults → spike
/// removal → low-pass → calibration → angles → activity, episodes, alerts, bends, rollups and decimation, with the
/// calibration's feedback (is the wearer sitting, how long has the wearer walked) closed inside.
/// <para>
/// Any source feeds it: a PSP device through <see cref="PspChainFeed"/>, a pair of off-the-shelf IMUs merged onto one
/// grid, host fusion of raw IMU readings. Call <see cref="Identify"/> first, then <see cref="Samples"/>,
/// <see cref="Status"/> and <see cref="Cue"/> in the order things happened, and <see cref="Complete"/> at the end of
/// a finite source. Every output goes to the <see cref="IDeviceChainSink"/> synchronously, on the feeding thread.
/// </para>
/// <para>
/// Sample times are µs on the source's own monotonic line, unwrapped once by the source (never wrapping); a step
/// backwards is a device reset. Durations are measured on that line; UTC is only a stamp (live sources: the
/// arrival on the scheduler, skew tracked; <see cref="ClockSource.Device"/>: start + device time).
/// </para>
/// <para>
/// Feed it from one thread at a time. With the live clock the chain also watches for silence on the scheduler
/// (10 s without input: the same as a long gap); that timer and the inputs are serialised by one lock, so the
/// sink is never called concurrently. <see cref="RequestCalibration"/> and <see cref="RequestSnooze"/> may be
/// called from any thread and take effect with the next input.
/// </para>
/// </summary>
public sealed class DeviceChain : IDisposable
{
    private readonly Lock gate = new();
    private readonly IDeviceChainSink sink;
    private readonly DetectionRules rules;
    private readonly DeviceCalibration calibration;
    private readonly IDisposable noticeSubscription;
    private readonly UtcStamper stamper;
    private readonly LowPassStage lowPass;
    private readonly SilenceWatch? silence;
    private DeviceTimeLine timeLine;
    private FaultMarks faults;
    private Despiker despiker;
    private ChainIdentity? identity;
    private DeviceDetector? detector;
    private bool completed;

    /// <param name="calibrations">Where the device's neutrals are loaded from and saved to, under its id.</param>
    /// <param name="sink">Receives every output.</param>
    /// <param name="scheduler">The clock of live UTC stamps and of the silence timer (device-clocked sources only read it once, for the default start).</param>
    /// <param name="options">Signal, calibration and detection settings (null = the defaults).</param>
    public DeviceChain(ICalibrationStore calibrations, IDeviceChainSink sink, IScheduler scheduler, DeviceChainOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(calibrations);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(scheduler);
        DeviceChainOptions o = (options ?? new DeviceChainOptions()).Validate();
        this.sink = sink;
        rules = DetectionRules.From(o.Detection);
        calibration = new DeviceCalibration(calibrations, o.Calibration);
        noticeSubscription = calibration.Notices.Subscribe(sink.OnCalibration);
        DeviceTimeOptions time = o.Signals.DeviceTime;
        timeLine = new DeviceTimeLine(time);
        stamper = new UtcStamper(time, scheduler);
        lowPass = new LowPassStage(o.Signals.LowPass);
        SampleRateHz = time.DefaultSampleRateHz;
        if (time.Clock == ClockSource.Arrival)
        {
            silence = new SilenceWatch(gate, time.SilenceTimeout, scheduler, OnSilent);
        }
    }

    /// <summary>The identity last given to <see cref="Identify"/>, or null before.</summary>
    public ChainIdentity? Identity => Volatile.Read(ref identity);

    /// <summary>The device's detector once identified (activity, state, running episode, snooze: the live view reads these), or null.</summary>
    public DeviceDetector? Detector => Volatile.Read(ref detector);

    /// <summary>The device's calibration: its neutrals, state and notices (<see cref="DeviceCalibration.Notices"/>).</summary>
    public DeviceCalibration Calibration => calibration;

    private int SampleRateHz { get; set; }

    /// <summary>
    /// Who the device is and its nominal rate. The first call must come before any other input; a later call with
    /// another <see cref="ChainIdentity.Device"/> ends the previous device's episodes and minute (as the end of a
    /// source does) and loads the new device's neutrals. A new rate changes the gap threshold and the low-pass.
    /// </summary>
    public void Identify(ChainIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        identity.Validate();
        lock (gate)
        {
            ThrowIfCompleted();
            silence?.Arrived();
            if (this.identity is null || this.identity.Device != identity.Device)
            {
                detector?.Complete(sink);

                // Published with release semantics: the dashboard reads it from its request threads.
                Volatile.Write(ref detector, new DeviceDetector(identity.Device, rules));
            }

            Volatile.Write(ref this.identity, identity);
            SampleRateHz = identity.NominalRateHz;
            timeLine.SetRate(identity.NominalRateHz);
            faults.SetMissing(identity.MissingSensors);
            calibration.Process(identity.Device.Id, [], timeLine.DeviceMicroseconds, stamper.StampControl(), cue: null);
        }
    }

    /// <summary>
    /// A batch of samples (any length, oldest first), conditioned and detected in one sequential pass. The batch is
    /// read during the call only: the caller may reuse it at once.
    /// </summary>
    public void Samples(ReadOnlySpan<SegmentSample> batch)
    {
        if (batch.IsEmpty)
        {
            return;
        }

        lock (gate)
        {
            DeviceDetector detection = RequireIdentified();
            silence?.Arrived();
            ChainScratch scratch = ChainScratch.Rent(batch.Length);
            try
            {
                Run(batch, scratch, detection);
            }
            finally
            {
                ChainScratch.Return(scratch);
            }
        }
    }

    /// <summary>A status report: its fault flags hold until the next one. Handed on to <see cref="IDeviceChainSink.OnStatus"/>.</summary>
    public void Status(in DeviceStatus status)
    {
        lock (gate)
        {
            RequireIdentified();
            silence?.Arrived();
            faults.SetStatus(status.Faults);
            long utc = stamper.StampControl();
            calibration.Process(identity!.Device.Id, [], timeLine.DeviceMicroseconds, utc, cue: null);
            sink.OnStatus(in status, ToDateTime(utc));
        }
    }

    /// <summary>A button or device cue at <paramref name="timeMicroseconds"/> on the samples' time line.</summary>
    public void Cue(DeviceCue cue, long timeMicroseconds)
    {
        lock (gate)
        {
            DeviceDetector detection = RequireIdentified();
            silence?.Arrived();
            long deviceMicroseconds = timeLine.Place(timeMicroseconds);
            long utc = stamper.StampCue(deviceMicroseconds);
            calibration.Process(identity!.Device.Id, [], deviceMicroseconds, utc, cue);
            if (cue == DeviceCue.SnoozeButton)
            {
                detection.Snooze(deviceMicroseconds);
            }

            sink.OnCue(cue, deviceMicroseconds, ToDateTime(utc));
        }
    }

    /// <summary>
    /// The device's "session done" button at <paramref name="timeMicroseconds"/> on the samples' time line: stamped like a
    /// cue and handed to the sink, which records the session (<paramref name="minutes"/> long, 0 = the host's default).
    /// </summary>
    public void SessionDone(long timeMicroseconds, byte minutes)
    {
        lock (gate)
        {
            RequireIdentified();
            silence?.Arrived();
            long deviceMicroseconds = timeLine.Place(timeMicroseconds);
            long utc = stamper.StampCue(deviceMicroseconds);
            sink.OnSessionDone(minutes, deviceMicroseconds, ToDateTime(utc));
        }
    }

    /// <summary>The calibrate command or the dashboard's button: take the next quiet window as this neutral.</summary>
    public void RequestCalibration(NeutralKind kind = NeutralKind.Standing) => calibration.Request(kind);

    /// <summary>The dashboard's snooze: buzzes are held back from the next sample on (no effect before identification).</summary>
    public void RequestSnooze() => Detector?.RequestSnooze();

    /// <summary>
    /// The end of a finite source (Signals README, device time): clears open episodes at the last sample, reports a bend in
    /// progress and flushes the partial minute. Nothing may be fed afterwards; a second call does nothing.
    /// </summary>
    public void Complete()
    {
        lock (gate)
        {
            if (completed)
            {
                return;
            }

            completed = true;
            silence?.Dispose();
            detector?.Complete(sink);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            completed = true;
            silence?.Dispose();
        }

        noticeSubscription.Dispose();
        calibration.Dispose();
    }

    /// <summary>Under the gate, from the silence timer: ten seconds without input on a live link is a long gap.</summary>
    private void OnSilent()
    {
        if (completed || identity is null)
        {
            return;
        }

        long utc = stamper.StampControl();
        calibration.Process(identity.Device.Id, [], timeLine.DeviceMicroseconds, utc, cue: null);
        detector!.Complete(sink);
        sink.OnSilence(ToDateTime(utc));
    }

    /// <summary>Under the gate: the stages, one after the other, over the whole batch.</summary>
    private void Run(ReadOnlySpan<SegmentSample> batch, ChainScratch scratch, DeviceDetector detection)
    {
        Span<PostureSample> samples = scratch.Samples.AsSpan(0, batch.Length);
        for (int i = 0; i < batch.Length; i++)
        {
            ref readonly SegmentSample input = ref batch[i];
            ref PostureSample s = ref samples[i];
            s = default;
            s.Marks = timeLine.Advance(input.TimeMicroseconds, out long gap);
            s.DeviceMicroseconds = timeLine.DeviceMicroseconds;
            s.GapMicroseconds = gap;
            s.Raw = input.Angles;
            s.Faults = input.Faults;
        }

        silence?.MarkFirst(ref samples[0]);
        long deviceMicroseconds = timeLine.DeviceMicroseconds;
        long utc = stamper.StampSamples(samples, deviceMicroseconds);
        SensorFaults lastFaults = faults.Mark(samples);
        despiker.Run(samples);
        lowPass.Run(samples, SampleRateHz);
        CalibrationState state = calibration.Process(identity!.Device.Id, samples, deviceMicroseconds, utc, cue: null);
        AngleStage.Compute(samples, calibration.Current);
        sink.OnBatch(new ChainBatch(samples.Length, deviceMicroseconds, ToDateTime(utc), state, lastFaults));

        Span<PostureInput> detectorInputs = scratch.Inputs.AsSpan(0, samples.Length);
        for (int i = 0; i < samples.Length; i++)
        {
            detectorInputs[i] = PostureInputAdapter.From(in samples[i]);
        }

        detection.Process(detectorInputs, sink);

        // The calibration's feedback: an EVENT 1 while sitting takes the sitting neutral, and a walk arms the automatic one.
        calibration.ReportSitting(detection.Activity == Activity.Sitting);
        calibration.ReportWalking(detection.ContinuousWalking);
    }

    private DeviceDetector RequireIdentified()
    {
        ThrowIfCompleted();
        return detector ?? throw new InvalidOperationException("the device must be identified (DeviceChain.Identify) before its samples, status or cues");
    }

    private void ThrowIfCompleted()
    {
        if (completed)
        {
            throw new InvalidOperationException("the chain has completed (or been disposed): its source has ended");
        }
    }

    private static DateTime ToDateTime(long utcMicroseconds) => DateTime.UnixEpoch.AddTicks(utcMicroseconds * TimeSpan.TicksPerMicrosecond);
}
