using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using PostureStream.Devices.Session;
using PostureStream.Protocol;
using PostureStream.Signals;
using PostureStream.Signals.Detection;
using PostureStream.Storage.Points;

namespace PostureStream.Cli.Run;

/// <summary>
/// One device from link to outputs (Signals README, data flow): session events → signal conditioning → detection →
/// stores, alerts, buzzes. Everything after the session runs on the session's delivery thread, in order.
/// </summary>
internal sealed class DevicePipeline : IDetectionSink, IAsyncDisposable
{
    private readonly DeviceSession _session;
    private readonly RunContext _context;
    private readonly Subject<PspMessage> _messages = new();
    private readonly DeviceCalibration _calibration;
    private readonly PostureInput[] _inputs = new PostureInput[PspLayout.MaxSamplesPerFrame];
    private readonly List<Task> _buzzes = [];
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IDisposable _subscriptions;
    private DeviceDetector? _detector;
    private DeviceSeries? _series;
    private readonly LiveView? _live;
    private readonly LinkStatsStamp _statsStamp;
    private long _sampleClockTicks;
    private readonly LinkQuality _linkQuality = new();
    private int _failed;

    public DevicePipeline(DeviceSession session, RunContext context, SignalOptions signals, IScheduler scheduler)
    {
        _session = session;
        _context = context;
        _calibration = new DeviceCalibration(context.CalibrationStore, context.Calibration);
        _statsStamp = new LinkStatsStamp(signals.DeviceTime.Clock == ClockSource.Device);
        // Under the device clock, lines before the first sample carry its start (device tick 0), not wall time.
        _sampleClockTicks = signals.DeviceTime.Clock == ClockSource.Device && signals.DeviceTime.Start is { } start ? start.UtcTicks : 0;
        _live = context.Live is null ? null : new LiveView(context.Live, session.Transport);
        var conditioned = _messages.ConditionSignals(_calibration, scheduler, signals);
        _subscriptions = new CompositeDisposable(
            _calibration.Notices.Subscribe(n => _context.Reporter.Calibration(Name, n, SampleClock)),
            conditioned.Subscribe(OnFrame, OnError, OnCompleted),
            session.Events.Subscribe(e => Guarded(() => OnDeviceEvent(e)), e => Guarded(() => _messages.OnError(e)), () => Guarded(_messages.OnCompleted)));
    }

    /// <summary>The 16-hex-digit device id once identified.</summary>
    public string? DeviceIdHex => Volatile.Read(ref _series)?.DeviceIdHex;

    /// <summary>The display name once the device is identified.</summary>
    public string Name => _series?.Name ?? _session.Description;

    public DeviceDetector? Detector => Volatile.Read(ref _detector);

    public DeviceCalibration Calibration => _calibration;

    /// <summary>
    /// The device's sample clock: the UTC of its latest sample, which its log lines carry (as its alerts do), so a
    /// replay's log reads in order. Before the first sample: the start of a device-clocked source, else null (the
    /// line then carries wall time, which is what an arrival-clocked source stamps its samples with).
    /// </summary>
    private DateTime? SampleClock
    {
        get
        {
            long ticks = Volatile.Read(ref _sampleClockTicks);
            return ticks == 0 ? null : new DateTime(ticks, DateTimeKind.Utc);
        }
    }

    /// <summary>Completes when the source has ended and every output of it has been handed on, or the pipeline failed.</summary>
    public Task Drained => _drained.Task;

    /// <summary>True once a stage threw: the failure was reported and this device's pipeline stopped.</summary>
    public bool Failed => Volatile.Read(ref _failed) != 0;

    public Task StartAsync(CancellationToken cancellationToken) => _session.StartAsync(cancellationToken);

    /// <summary>
    /// Rx unsubscribes an observer whose OnNext throws, so a throwing stage would end this device's stream without
    /// a word and <see cref="Drained"/> would never complete: every failure is reported here instead.
    /// </summary>
    private void Guarded(Action deliver)
    {
        if (Failed)
        {
            return;
        }

        try
        {
            deliver();
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            Fail(error);
        }
    }

    private void OnDeviceEvent(DeviceEvent e)
    {
        if (e is LinkStatsReported { Stats: var quality } && _linkQuality.Observe(in quality) is { } warning)
        {
            _context.Reporter.Warn(Name, warning, SampleClock);
        }

        switch (e)
        {
            case DeviceIdentified identified:
                Identify(identified.Identity);
                _messages.OnNext(identified.Identity.Hello ?? DefaultHello(identified.Identity));
                break;
            case SamplesReceived samples:
                _messages.OnNext(samples.Frame);
                break;
            case MessageReceived { Message: StatusMessage or EventMessage } message:
                _messages.OnNext(message.Message);
                break;
            case LinkStatsReported stats when _series is not null:
                LinkStats s = stats.Stats;
                _context.Stores.Write(new LinkStatsRecord(
                    _series, _statsStamp.IntervalStart(s.IntervalStart), s.Transport,
                    s.Frames, s.Samples, s.CrcErrors, s.CobsErrors, s.OtherErrors, s.LostFrames, s.Resyncs, s.Reconnects), _context.StorePacing);
                _live?.Link(connected: true, s.LostFrames, s.CrcErrors + s.CobsErrors + s.OtherErrors, s.Reconnects);
                break;
            case LinkLost lost:
                _live?.Link(connected: false);
                _context.Reporter.Link(Name, $"link lost ({lost.Reason}); reconnecting", SampleClock);
                break;
            case LinkRestored restored:
                _live?.Link(connected: true, reconnects: restored.Reconnects);
                _context.Reporter.Link(Name, $"link restored (reconnect {restored.Reconnects})", SampleClock);
                break;
        }
    }

    private void Identify(SessionIdentity identity)
    {
        if (_series is not null && _series.Device == identity.Device)
        {
            return;
        }

        if (_detector is not null)
        {
            _detector.Complete(this);
        }

        // Published with release semantics: the dashboard reads both from its request threads.
        Volatile.Write(ref _detector, new DeviceDetector(identity.Device, _context.Detection));
        Volatile.Write(ref _series, new DeviceSeries(identity.Device));
        _context.Reporter.Identified(identity.DisplayName, identity.DeviceIdHex, identity.IsFromHello, SampleClock);
    }

    private static HelloMessage DefaultHello(SessionIdentity identity) =>
        new(identity.DeviceId, 0, 0, 0, identity.SampleRateHz, identity.Sensors, identity.DisplayName);

    private void OnFrame(PostureFrame frame)
    {
        if (frame.Kind == FrameKind.Samples)
        {
            Volatile.Write(ref _sampleClockTicks, frame.Utc.UtcTicks);
        }

        DeviceDetector? detector = _detector;
        if (detector is null)
        {
            return;
        }

        _live?.Frame(frame);
        switch (frame.Kind)
        {
            case FrameKind.Samples:
                _statsStamp.Sample(frame.Utc);
                int count = PostureInputAdapter.Fill(frame, _inputs);
                detector.Process(_inputs.AsSpan(0, count), this);
                _calibration.ReportSitting(detector.Activity == Activity.Sitting);
                _calibration.ReportWalking(detector.ContinuousWalking);
                break;
            case FrameKind.Status when frame.Message is StatusMessage status && _series is not null:
                _live?.Status(status.BatteryPercent == StatusMessage.BatteryPercentUnknown ? null : status.BatteryPercent, status.BatteryMillivolts);
                _context.Stores.Write(new DeviceStatusRecord(
                    _series,
                    frame.Utc.UtcDateTime,
                    status.BatteryMillivolts,
                    status.BatteryPercent == StatusMessage.BatteryPercentUnknown ? null : status.BatteryPercent,
                    status.TemperatureCentiCelsius / 100.0,
                    status.Flags.HasFlag(StatusFlags.Charging),
                    status.Flags.HasFlag(StatusFlags.LumbarFault),
                    status.Flags.HasFlag(StatusFlags.PelvisFault)), _context.StorePacing);
                break;
            case FrameKind.Event when frame.Message is EventMessage { Code: DeviceEventCode.SnoozeRequest }:
                detector.Snooze(frame.DeviceMicroseconds);
                _context.Reporter.Link(Name, "snoozed from the device button", SampleClock);
                break;
            case FrameKind.Silence:
                // Ten seconds without data on a live link: the same as a long gap (Signals README, device time).
                detector.Complete(this);
                _context.Reporter.Link(Name, "silent for 10 s", SampleClock);
                break;
        }
    }

    private void OnError(Exception error) => Fail(error);

    private void Fail(Exception error)
    {
        if (Interlocked.Exchange(ref _failed, 1) != 0)
        {
            return;
        }

        _context.Reporter.Error(Name, error.Message, SampleClock);
        try
        {
            // Clears open episodes and flushes the partial minute, if the failing stage lets it.
            _detector?.Complete(this);
        }
        catch (Exception again) when (again is not OutOfMemoryException)
        {
            _context.Reporter.Error(Name, "while ending its episodes: " + again.Message, SampleClock);
        }

        _drained.TrySetResult();
    }

    private void OnCompleted()
    {
        if (Failed)
        {
            return;
        }

        try
        {
            // End of a file: or sim: source: clear open episodes at the last sample and flush the partial minute (Signals README, device time).
            _detector?.Complete(this);
            if (_context.SummarizeLink)
            {
                (string text, bool isWarning) = _linkQuality.Summary();
                if (isWarning)
                {
                    _context.Reporter.Warn(Name, text, SampleClock);
                }
                else
                {
                    _context.Reporter.Link(Name, text, SampleClock);
                }
            }
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            Fail(error);
        }

        _drained.TrySetResult();
    }

    void IDetectionSink.OnPosture(in PosturePoint point)
    {
        _context.Stores.Write(StorageMapping.Posture(in point, _series!), _context.StorePacing);
        if (_detector is not null)
        {
            _live?.Posture(in point, _detector);
        }
    }

    void IDetectionSink.OnAlert(in AlertEvent alert)
    {
        _context.Stores.Write(StorageMapping.Alert(in alert, _series!), _context.StorePacing);
        _context.Alerts?.Write(in alert);
        _live?.Alert(in alert);
        _context.Reporter.Alert(in alert);
        if (alert.Buzzed && _context.Buzz.Enabled && _session.AcceptsCommands)
        {
            lock (_buzzes)
            {
                _buzzes.RemoveAll(t => t.IsCompleted);
                _buzzes.Add(BuzzAsync());
            }
        }
    }

    void IDetectionSink.OnBend(in BendEvent bend) => _context.Stores.Write(StorageMapping.Bend(in bend, _series!), _context.StorePacing);

    void IDetectionSink.OnSummary(in MinuteSummary summary) => _context.Stores.Write(StorageMapping.Summary(in summary, _series!), _context.StorePacing);

    void IDetectionSink.OnStateChanged(in DetectionStateChange change) => _context.Reporter.StateChanged(in change);

    private async Task BuzzAsync()
    {
        try
        {
            BuzzSettings buzz = _context.Buzz;
            AckResult result = await _session.BuzzAsync(buzz.Pattern, buzz.Duration, buzz.Intensity, CancellationToken.None);
            if (result != AckResult.Ok)
            {
                _context.Reporter.Link(Name, $"buzz answered {result}", SampleClock);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _context.Reporter.Link(Name, $"buzz not delivered: {e.Message}", SampleClock);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _session.DisposeAsync();
        Task[] pending;
        lock (_buzzes)
        {
            pending = [.. _buzzes];
        }

        await Task.WhenAll(pending).WaitAsync(TimeSpan.FromSeconds(2)).ContinueWith(_ => { }, TaskScheduler.Default);
        _subscriptions.Dispose();
        _messages.Dispose();
        _calibration.Dispose();
    }
}
