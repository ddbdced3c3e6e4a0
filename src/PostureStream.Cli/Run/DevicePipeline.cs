using System.Reactive.Concurrency;
using PostureStream.Dashboard.Live;
using PostureStream.Devices.Session;
using PostureStream.Protocol;
using PostureStream.Signals;
using PostureStream.Signals.Detection;
using PostureStream.Signals.Pipeline;

namespace PostureStream.Cli.Run;

/// <summary>
/// One device of a run, wired (Cli/Run README): the session's events → <see cref="PspChainFeed"/> → the device's
/// <see cref="DeviceChain"/> (Signals owns everything from samples to alerts) → stores, alerts file, buzz, terminal and
/// live view. This class only wires and maps outputs; it computes nothing. Everything runs on the session's delivery
/// thread (or the chain's silence timer), in order.
/// </summary>
internal sealed class DevicePipeline : ILivePipeline, IAsyncDisposable
{
    private readonly DeviceSession _session;
    private readonly RunContext _context;
    private readonly DeviceChain _chain;
    private readonly PspChainFeed _feed;
    private readonly BuzzSender _buzzer;
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IDisposable _subscription;
    private readonly LiveView? _live;
    private readonly ChainOutputs _outputs;
    private readonly LinkQuality _linkQuality = new();
    private int _failed;

    public DevicePipeline(DeviceSession session, RunContext context, SignalOptions signals, IScheduler scheduler)
    {
        _session = session;
        _context = context;
        // Under the device clock, lines before the first sample carry its start (device tick 0), not wall time.
        long sampleClockTicks = signals.DeviceTime.Clock == ClockSource.Device && signals.DeviceTime.Start is { } start ? start.UtcTicks : 0;
        _live = context.Live is null ? null : new LiveView(context.Live, session.Transport);
        _buzzer = new BuzzSender(session, context.Buzz, context.Reporter, () => Name, () => SampleClock);
        _outputs = new ChainOutputs(context, _live, new LinkStatsStamp(signals.DeviceTime.Clock == ClockSource.Device), () => Name, _ => _buzzer.Request(), sampleClockTicks);
        _chain = new DeviceChain(context.CalibrationStore, _outputs, scheduler, new DeviceChainOptions
        {
            Signals = signals,
            Calibration = context.Calibration,
            Detection = context.Detection,
        });
        _outputs.Chain = _chain;
        _feed = new PspChainFeed(_chain);
        _subscription = session.Events.Subscribe(e => Guarded(() => OnDeviceEvent(e)), e => Guarded(() => Fail(e)), () => Guarded(OnCompleted));
    }

    /// <summary>The 16-hex-digit device id once identified.</summary>
    public string? DeviceIdHex => _outputs.Series?.DeviceIdHex;

    /// <summary>The display name once the device is identified.</summary>
    public string Name => _outputs.Series?.Name ?? _session.Description;

    public DeviceDetector? Detector => _chain.Detector;

    public DeviceCalibration Calibration => _chain.Calibration;

    /// <summary>The device's sample clock for log lines (<see cref="ChainOutputs.SampleClock"/>).</summary>
    private DateTime? SampleClock => _outputs.SampleClock;

    /// <summary>Completes when the source has ended and every output of it has been handed on, or the pipeline failed.</summary>
    public Task Drained => _drained.Task;

    /// <summary>True once a stage threw: the failure was reported and this device's pipeline stopped.</summary>
    public bool Failed => Volatile.Read(ref _failed) != 0;

    public Task StartAsync(CancellationToken cancellationToken) => _session.StartAsync(cancellationToken);

    public CommandResult RequestCalibration(bool sitting)
    {
        Calibration.Request(sitting ? NeutralKind.Sitting : NeutralKind.Standing);
        return CommandResult.Done(sitting
            ? "Sit upright and comfortable and hold still for 5 seconds."
            : "Stand up straight and relaxed and hold still for 5 seconds.");
    }

    public CommandResult Snooze()
    {
        if (Detector is not { } detector)
        {
            return CommandResult.Refused($"{Name} has sent no samples yet; snooze once its card shows angles");
        }

        detector.RequestSnooze();
        return CommandResult.Done("Buzzes snoozed for 30 minutes; alerts are still recorded.");
    }

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
            case RawSamplesReceived raw:
                _feed.Raw(raw.Frame);
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
        if (_outputs.Identify(identity.Device))
        {
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

        if (_outputs.Series is not { } series)
        {
            return;
        }

        _context.Stores.Write(StorageMapping.LinkInterval(in s, _outputs.StatsStamp.IntervalStart(s.IntervalStart), series), _context.StorePacing);
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

    public async ValueTask DisposeAsync()
    {
        await _session.DisposeAsync();
        await _buzzer.DrainAsync(TimeSpan.FromSeconds(2));
        _subscription.Dispose();
        _chain.Dispose();
    }
}
