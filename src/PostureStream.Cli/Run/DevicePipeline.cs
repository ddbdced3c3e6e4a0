using System.Reactive.Concurrency;
using PostureStream.Devices.Session;
using PostureStream.Protocol;
using PostureStream.Signals;
using PostureStream.Signals.Detection;
using PostureStream.Signals.Pipeline;
using PostureStream.Storage.Points;

namespace PostureStream.Cli.Run;

/// <summary>
/// One device of a run, wired (Cli/Run README): the session's events → <see cref="PspChainFeed"/> → the device's
/// <see cref="DeviceChain"/> (Signals owns everything from samples to alerts) → stores, alerts file, buzz, terminal and
/// live view. This class only wires and maps outputs; it computes nothing. Everything runs on the session's delivery
/// thread (or the chain's silence timer), in order.
/// </summary>
internal sealed class DevicePipeline : IDeviceChainSink, IAsyncDisposable
{
    private readonly DeviceSession _session;
    private readonly RunContext _context;
    private readonly DeviceChain _chain;
    private readonly PspChainFeed _feed;
    private readonly List<Task> _buzzes = [];
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IDisposable _subscription;
    private readonly LiveView? _live;
    private readonly LinkStatsStamp _statsStamp;
    private readonly LinkQuality _linkQuality = new();
    private DeviceSeries? _series;
    private DeviceSeries? _previousSeries;
    private long _sampleClockTicks;
    private int _failed;

    public DevicePipeline(DeviceSession session, RunContext context, SignalOptions signals, IScheduler scheduler)
    {
        _session = session;
        _context = context;
        _statsStamp = new LinkStatsStamp(signals.DeviceTime.Clock == ClockSource.Device);
        // Under the device clock, lines before the first sample carry its start (device tick 0), not wall time.
        _sampleClockTicks = signals.DeviceTime.Clock == ClockSource.Device && signals.DeviceTime.Start is { } start ? start.UtcTicks : 0;
        _live = context.Live is null ? null : new LiveView(context.Live, session.Transport);
        _chain = new DeviceChain(context.CalibrationStore, this, scheduler, new DeviceChainOptions
        {
            Signals = signals,
            Calibration = context.Calibration,
            Detection = context.Detection,
        });
        _feed = new PspChainFeed(_chain);
        _subscription = session.Events.Subscribe(e => Guarded(() => OnDeviceEvent(e)), e => Guarded(() => Fail(e)), () => Guarded(OnCompleted));
    }

    /// <summary>The 16-hex-digit device id once identified.</summary>
    public string? DeviceIdHex => Volatile.Read(ref _series)?.DeviceIdHex;

    /// <summary>The display name once the device is identified.</summary>
    public string Name => Volatile.Read(ref _series)?.Name ?? _session.Description;

    public DeviceDetector? Detector => _chain.Detector;

    public DeviceCalibration Calibration => _chain.Calibration;

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
        switch (e)
        {
            case DeviceIdentified identified:
                Identify(identified.Identity);
                break;
            case SamplesReceived samples:
                _feed.Samples(samples.Frame);
                break;
            case MessageReceived message:
                _feed.Message(message.Message);
                break;
            case LinkStatsReported stats:
                OnLinkStats(stats.Stats);
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

    /// <summary>
    /// The session's identity (from HELLO, or its defaults when none came) goes to the chain as it is. The outputs
    /// the chain flushes for a previous device still carry that device's series.
    /// </summary>
    private void Identify(SessionIdentity identity)
    {
        bool newDevice = _series is null || _series.Device != identity.Device;
        if (newDevice)
        {
            _previousSeries = _series;
            // Published with release semantics: the dashboard reads it from its request threads.
            Volatile.Write(ref _series, new DeviceSeries(identity.Device));
            _context.Reporter.Identified(identity.DisplayName, identity.DeviceIdHex, identity.IsFromHello, SampleClock);
        }

        _feed.Identify(identity.Device, identity.SampleRateHz, identity.Sensors);
    }

    private void OnLinkStats(LinkStats s)
    {
        if (_linkQuality.Observe(in s) is { } warning)
        {
            _context.Reporter.Warn(Name, warning, SampleClock);
        }

        if (_series is null)
        {
            return;
        }

        _context.Stores.Write(new LinkStatsRecord(
            _series, _statsStamp.IntervalStart(s.IntervalStart), s.Transport,
            s.Frames, s.Samples, s.CrcErrors, s.CobsErrors, s.OtherErrors, s.LostFrames, s.Resyncs, s.Reconnects), _context.StorePacing);
        _live?.Link(connected: true, s.LostFrames, s.CrcErrors + s.CobsErrors + s.OtherErrors, s.Reconnects);
    }

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
            _chain.Complete();
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
            _chain.Complete();
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

    /// <summary>The series of the device an output belongs to: the current one, or the one just replaced.</summary>
    private DeviceSeries SeriesOf(DeviceIdentity device) =>
        _previousSeries is { } previous && previous.Device == device && _series!.Device != device ? previous : _series!;

    void IDeviceChainSink.OnBatch(in ChainBatch batch)
    {
        Volatile.Write(ref _sampleClockTicks, batch.Utc.Ticks);
        _statsStamp.Sample(batch.Utc);
        _live?.Batch(batch.Calibration, batch.Faults);
    }

    void IDeviceChainSink.OnStatus(in DeviceStatus status, DateTime utc)
    {
        _live?.Status(status.BatteryPercent, status.BatteryMillivolts);
        if (StorageMapping.Status(in status, utc, _series!) is { } record)
        {
            _context.Stores.Write(record, _context.StorePacing);
        }
    }

    void IDeviceChainSink.OnCue(DeviceCue cue, long deviceMicroseconds, DateTime utc)
    {
        if (cue == DeviceCue.SnoozeButton)
        {
            _context.Reporter.Link(Name, "snoozed from the device button", SampleClock);
        }
    }

    // Ten seconds without data on a live link: the chain treated it as a long gap (Signals README, device time).
    void IDeviceChainSink.OnSilence(DateTime utc) => _context.Reporter.Link(Name, "silent for 10 s", SampleClock);

    void IDeviceChainSink.OnCalibration(CalibrationNotice notice) => _context.Reporter.Calibration(Name, notice, SampleClock);

    void IDetectionSink.OnPosture(in PosturePoint point)
    {
        _context.Stores.Write(StorageMapping.Posture(in point, SeriesOf(point.Device)), _context.StorePacing);
        if (_chain.Detector is { } detector)
        {
            _live?.Posture(in point, detector);
        }
    }

    void IDetectionSink.OnAlert(in AlertEvent alert)
    {
        _context.Stores.Write(StorageMapping.Alert(in alert, SeriesOf(alert.Device)), _context.StorePacing);
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

    void IDetectionSink.OnBend(in BendEvent bend) => _context.Stores.Write(StorageMapping.Bend(in bend, SeriesOf(bend.Device)), _context.StorePacing);

    void IDetectionSink.OnSummary(in MinuteSummary summary) => _context.Stores.Write(StorageMapping.Summary(in summary, SeriesOf(summary.Device)), _context.StorePacing);

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
        _subscription.Dispose();
        _chain.Dispose();
    }
}
