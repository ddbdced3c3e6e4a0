using System.Reactive.Concurrency;
using PostureStream.Cli.Configuration;
using PostureStream.Devices.Session;
using PostureStream.Devices.Sources;
using PostureStream.Devices.WitMotion;
using PostureStream.Protocol.WitMotion;
using PostureStream.Signals;
using PostureStream.Signals.Detection;
using PostureStream.Signals.Pipeline;
using PostureStream.Signals.Wearers;

namespace PostureStream.Cli.Run;

/// <summary>
/// One wearer of a run (Cli/Run README): two WitMotion sensor links → <see cref="WearerChainFeed"/> (one grid,
/// mounting-independent angles) → the wearer's <see cref="DeviceChain"/> → the same outputs as a PSP device
/// (<see cref="ChainOutputs"/>). A lost sensor faults its segment while the other flows; each link reconnects on
/// its own. Live links are advanced on a 100 ms timer of the run's clock; two timed captures are merged in arrival
/// order instead, so a replay is deterministic.
/// </summary>
internal sealed class WearerPipeline : ILivePipeline, IWearerSensorOwner, IAsyncDisposable
{
    private readonly RunContext _context;
    private readonly WearerSensorLinks _sensors;
    private readonly ChainOutputs _outputs;
    private readonly WearerLinkOutputs _links;
    private readonly DeviceIdentity _identity;
    private readonly IScheduler _scheduler;
    private readonly WearerStreams _streams;
    private readonly WearerCalibrationControl _calibration;
    private DeviceChain? _chain;
    private WearerChainFeed? _feed;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private readonly DeviceSession? _buzzerSession;
    private readonly BuzzSender? _buzzer;
    private int _buzzerLost;
    private int _failed;
    private int _stopping;

    public WearerPipeline(WearerSettings wearer, RunContext context, string alignmentFolder, TimeProvider time, IScheduler scheduler)
    {
        _context = context;
        WitMotionSourceSpec lumbar = WitMotionSourceUri.Parse(wearer.Lumbar);
        WitMotionSourceSpec pelvis = WitMotionSourceUri.Parse(wearer.Pelvis);
        DeviceIdentity identity = WearerIdentity.For(wearer.Name, SensorKey(lumbar), SensorKey(pelvis));
        Name = identity.Name;
        LiveView? live = context.Live is null ? null : new LiveView(context.Live, TransportOf(lumbar));
        DeviceIdHex = identity.Id.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
        _outputs = new ChainOutputs(context, live, new LinkStatsStamp(deviceClock: true), () => Name, _ => RequestBuzz(), 0);
        _links = new WearerLinkOutputs(context, live, () => _outputs.Series);
        _identity = identity;
        _scheduler = scheduler;
        _streams = new WearerStreams(lumbar.RateHertz ?? pelvis.RateHertz ?? 50);
        LoadAlignments(_streams, new SensorAlignmentStore(alignmentFolder), SensorKey(lumbar), SensorKey(pelvis));
        _calibration = new WearerCalibrationControl(
            _gate, Name, _streams, new SensorAlignmentStore(alignmentFolder), (SensorKey(lumbar), SensorKey(pelvis)), (wearer.Lumbar, wearer.Pelvis), context.Reporter, live, time);
        _outputs.PostureObserved = point => _calibration.Posture(in point);
        _outputs.Identify(identity);
        _sensors = new WearerSensorLinks(wearer, time, _gate, this, (segment, notice) => context.Reporter.Link(SensorName(segment), notice, _outputs.SampleClock));
        if (wearer.Buzzer is not null)
        {
            // The wearer's angles come from the WitMotion sensors: the buzzer's own samples are not used.
            SourceSpec buzzer = SourceUri.Parse(wearer.Buzzer);
            var options = DeviceSessionOptions.Default with { SourceName = buzzer.Name, IdleTimeout = buzzer.IdleTimeout };
            _buzzerSession = new DeviceSession(SourceConnectors.CreateFactory(time).Create(buzzer), options, time);
            _buzzer = new BuzzSender(_buzzerSession, context.Buzz, context.Reporter, () => Name + " buzzer", () => _outputs.SampleClock);
            _subscriptions.Add(_buzzerSession.Events.Subscribe(OnBuzzerEvent, _ => { }, () => { }));
        }

        context.Reporter.Identified(Name, identity.Id.ToString("x16", System.Globalization.CultureInfo.InvariantCulture), fromHello: false, null);
    }

    public string Name { get; }

    public string DeviceIdHex { get; }

    public Dashboard.Live.CommandResult RequestCalibration(bool sitting) => _calibration.RequestCalibration(sitting);

    public Dashboard.Live.CommandResult Snooze() => _calibration.Snooze();

    /// <summary>Completes when both sensors' sources have ended (captures) and every output was handed on, or it failed.</summary>
    public Task Drained => _drained.Task;

    public bool Failed => Volatile.Read(ref _failed) != 0;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_buzzerSession is not null)
        {
            // Opened before the sensors, so the first alert finds its link.
            await _buzzerSession.StartAsync(cancellationToken);
        }

        await _sensors.StartAsync(cancellationToken);
    }

    bool IWearerSensorOwner.Done => Failed;

    /// <summary>Live sensors: the grid moves on while a sensor is silent, so the other's segment keeps flowing (the silent one faulted).</summary>
    void IWearerSensorOwner.Tick(long nowMicroseconds) => _feed?.Advance(nowMicroseconds);

    void IWearerSensorOwner.Fail(WearerSegment? segment, string message) => Fail(segment is { } failed ? SensorName(failed) + ": " + message : message);

    private string SensorName(WearerSegment segment) => $"{Name} {(segment == WearerSegment.Lumbar ? "lumbar" : "pelvis")}";

    /// <summary>While the buzzer's link is lost its buzzes are skipped (said once, at the loss); alerts still go everywhere else.</summary>
    private void RequestBuzz()
    {
        if (Volatile.Read(ref _buzzerLost) == 0)
        {
            _buzzer?.Request();
        }
    }

    private void OnBuzzerEvent(DeviceEvent e)
    {
        switch (e)
        {
            case LinkLost lost:
                Volatile.Write(ref _buzzerLost, 1);
                _context.Reporter.Link(Name + " buzzer", $"link lost ({lost.Reason}); alerts are still recorded but not buzzed until it is back", _outputs.SampleClock);
                break;
            case LinkRestored:
                Volatile.Write(ref _buzzerLost, 0);
                _context.Reporter.Link(Name + " buzzer", "link restored; buzzing again", _outputs.SampleClock);
                break;
        }
    }

    private static PostureStream.Vocabulary.Transport TransportOf(WitMotionSourceSpec spec) =>
        spec.IsCapture ? PostureStream.Vocabulary.Transport.File
        : spec.Framing == WitMotionFraming.Ble ? PostureStream.Vocabulary.Transport.Ble
        : PostureStream.Vocabulary.Transport.Serial;

    /// <summary>A serial sensor is known by its port path as given, a BLE sensor by its MAC (upper case), a capture by its path.</summary>
    internal static string SensorKey(WitMotionSourceSpec spec) =>
        spec.Framing == WitMotionFraming.Ble && !spec.IsCapture ? spec.Target.ToUpperInvariant() : spec.Target;

    private void LoadAlignments(WearerStreams streams, SensorAlignmentStore store, string lumbarKey, string pelvisKey)
    {
        foreach ((string key, bool isLumbar) in new[] { (lumbarKey, true), (pelvisKey, false) })
        {
            if (store.Load(key) is not { } record)
            {
                continue;
            }

            if (record.Stale)
            {
                _context.Reporter.Warn(Name, $"the {(isLumbar ? "lumbar" : "pelvis")} sensor moved since it was calibrated; run 'posturestream calibrate --wearer' again", null);
            }

            if (isLumbar)
            {
                streams.LumbarAlignment = record.Alignment;
            }
            else
            {
                streams.PelvisAlignment = record.Alignment;
            }
        }
    }

    void IWearerSensorOwner.Event(WearerSegment segment, WitMotionSensorEvent e)
    {
        string sensor = SensorName(segment);
        switch (e)
        {
            case WitMotionSensorLinkLost lost:
                _context.Reporter.Link(sensor, "link lost; reconnecting (its segment is faulted meanwhile)", _outputs.SampleClock);
                _links.Lost(segment, lost.ArrivalMicroseconds);
                break;
            case WitMotionSensorLinkRestored restored:
                _context.Reporter.Link(sensor, "link restored", _outputs.SampleClock);
                _links.Restored(segment, restored.ArrivalMicroseconds);
                break;
            case WitMotionSensorNotice notice:
                _context.Reporter.Link(sensor, notice.Message, _outputs.SampleClock);
                break;
            case WitMotionSensorStatsReported reported:
                _links.Interval(segment, reported.ArrivalMicroseconds, reported.Stats);
                break;
        }
    }

    /// <summary>
    /// A reading into the wearer's feed. The chain is built at the first one: sample times are host UTC µs, and the
    /// chain's device clock stamps its first sample with its start, so that start is the first reading's arrival.
    /// </summary>
    public void Reading(WearerSegment segment, WitMotionReading reading)
    {
        if (_feed is null)
        {
            _chain = new DeviceChain(_context.CalibrationStore, _outputs, _scheduler, new DeviceChainOptions
            {
                Signals = new SignalOptions
                {
                    DeviceTime = new DeviceTimeOptions { Clock = ClockSource.Device, Start = DateTimeOffset.UnixEpoch.AddTicks(reading.ArrivalMicroseconds * TimeSpan.TicksPerMicrosecond) },
                },
                Calibration = _context.Calibration,
                Detection = _context.Detection,
            });
            _outputs.Chain = _chain;
            _calibration.Chain = _chain;
            _feed = new WearerChainFeed(_chain, _identity, _streams);
        }

        _feed.Reading(segment, in reading);
    }

    /// <summary>A capture ended: once both have, the wearer's episodes end at its last sample and the partial minute is flushed.</summary>
    void IWearerSensorOwner.Ended(WearerSegment segment, bool both)
    {
        _links.Ended(segment, stopping: Volatile.Read(ref _stopping) != 0);
        if (both)
        {
            _feed?.Complete();
            _drained.TrySetResult();
        }
    }

    private void Fail(string message)
    {
        if (Interlocked.Exchange(ref _failed, 1) != 0)
        {
            return;
        }

        _context.Reporter.Error(Name, message, _outputs.SampleClock);
        try
        {
            _feed?.Complete();
        }
        catch (Exception again) when (again is not OutOfMemoryException)
        {
            _context.Reporter.Error(Name, "while ending its episodes: " + again.Message, _outputs.SampleClock);
        }

        _drained.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        // Links that end from here on end because the run stops, not because a sensor went away.
        Volatile.Write(ref _stopping, 1);
        await _sensors.DisposeAsync();
        foreach (IDisposable subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        if (_buzzer is not null)
        {
            // A buzz of the last alert may still be on its way: give it its ACK before the link closes.
            await _buzzer.DrainAsync(TimeSpan.FromSeconds(2));
        }

        if (_buzzerSession is not null)
        {
            await _buzzerSession.DisposeAsync();
        }

        _chain?.Dispose();
    }
}
