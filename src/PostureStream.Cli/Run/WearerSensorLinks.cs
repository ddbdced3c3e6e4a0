using PostureStream.Cli.Configuration;
using PostureStream.Devices.WitMotion;
using PostureStream.Protocol.WitMotion;
using PostureStream.Signals.Wearers;

namespace PostureStream.Cli.Run;

/// <summary>
/// A wearer's two sensor links read as one, as <c>run</c> and <c>calibrate</c> both read them: each sensor's events
/// are handed to the owner one at a time under the owner's lock (both links' threads and the timer take turns);
/// readings of two timed captures go through an <see cref="ArrivalOrderMerge"/>, so a replay is deterministic, and
/// live readings as they come, with a <see cref="AdvanceEvery"/> timer of the clock so the grid moves on while a
/// sensor is silent. A handler that throws, or a link that fails, is the owner's to report (<see cref="IWearerSensorOwner.Fail"/>),
/// not lost on a link's thread; once the owner is <see cref="IWearerSensorOwner.Done"/>, nothing more is handed on.
/// </summary>
internal sealed class WearerSensorLinks : IAsyncDisposable
{
    /// <summary>How often live links move the grid on.</summary>
    public static readonly TimeSpan AdvanceEvery = TimeSpan.FromMilliseconds(100);

    private readonly Lock _gate;
    private readonly IWearerSensorOwner _owner;
    private readonly TimeProvider _time;
    private readonly WitMotionSensorLink _lumbar;
    private readonly WitMotionSensorLink _pelvis;
    private readonly ArrivalOrderMerge? _merge;
    private readonly List<IDisposable> _subscriptions = [];
    private ITimer? _advance;
    private int _ended;

    /// <param name="notice">What a sensor's connector has to tell (the 9600 baud notice), per segment.</param>
    /// <exception cref="PostureStream.Devices.Sources.SourceUriException">A sensor's URI is not a WitMotion source.</exception>
    public WearerSensorLinks(WearerSettings wearer, TimeProvider time, Lock gate, IWearerSensorOwner owner, Action<WearerSegment, string> notice)
    {
        ArgumentNullException.ThrowIfNull(wearer);
        _time = time;
        _gate = gate;
        _owner = owner;
        WitMotionSourceSpec lumbar = WitMotionSourceUri.Parse(wearer.Lumbar);
        WitMotionSourceSpec pelvis = WitMotionSourceUri.Parse(wearer.Pelvis);
        Lumbar = lumbar;
        Pelvis = pelvis;
        _merge = lumbar.IsCapture && pelvis.IsCapture ? new ArrivalOrderMerge(owner.Reading) : null;
        _lumbar = WitMotionSources.Create(wearer.Lumbar, time, message => notice(WearerSegment.Lumbar, message));
        _pelvis = WitMotionSources.Create(wearer.Pelvis, time, message => notice(WearerSegment.Pelvis, message));
        Subscribe(_lumbar, WearerSegment.Lumbar);
        Subscribe(_pelvis, WearerSegment.Pelvis);
    }

    public WitMotionSourceSpec Lumbar { get; }

    public WitMotionSourceSpec Pelvis { get; }

    /// <summary>Whether both are timed captures (merged in arrival order, no timer).</summary>
    public bool Replayed => _merge is not null;

    /// <summary>
    /// Opens both sensors (lumbar first), tells <paramref name="opened"/> the host time then (under the owner's lock),
    /// and, for live ones, starts the timer.
    /// </summary>
    /// <exception cref="PostureStream.Devices.Links.SourceOpenException">A sensor cannot be opened.</exception>
    public async Task StartAsync(CancellationToken cancellationToken, Action<long>? opened = null)
    {
        await _lumbar.StartAsync(cancellationToken);
        await _pelvis.StartAsync(cancellationToken);
        if (opened is not null)
        {
            lock (_gate)
            {
                opened(Now());
            }
        }

        if (_merge is null)
        {
            _advance = _time.CreateTimer(_ => Guarded(() => _owner.Tick(Now())), null, AdvanceEvery, AdvanceEvery);
        }
    }

    /// <summary>Host time as the grid counts it: UTC µs since 1970, to the millisecond.</summary>
    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;

    /// <summary>Runs <paramref name="deliver"/> under the owner's lock, unless the owner is done; what it throws goes to <see cref="IWearerSensorOwner.Fail"/>.</summary>
    private void Guarded(Action deliver)
    {
        ArgumentNullException.ThrowIfNull(deliver);
        lock (_gate)
        {
            if (_owner.Done)
            {
                return;
            }

            try
            {
                deliver();
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                _owner.Fail(null, error.Message);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_advance is not null)
        {
            await _advance.DisposeAsync();
        }

        await _lumbar.DisposeAsync();
        await _pelvis.DisposeAsync();
        foreach (IDisposable subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }

    private void Subscribe(WitMotionSensorLink link, WearerSegment segment)
    {
        _subscriptions.Add(link.Events.Subscribe(
            e => Guarded(() => OnEvent(segment, e)),
            error => Guarded(() => _owner.Fail(segment, error.Message)),
            () => Guarded(() => OnEnded(segment))));
    }

    private void OnEvent(WearerSegment segment, WitMotionSensorEvent e)
    {
        if (e is not WitMotionReadingsReceived received)
        {
            _owner.Event(segment, e);
            return;
        }

        foreach (WitMotionReading reading in received.Readings)
        {
            if (_merge is null)
            {
                _owner.Reading(segment, reading);
            }
            else
            {
                _merge.Reading(segment, reading);
            }
        }
    }

    private void OnEnded(WearerSegment segment)
    {
        bool both = _merge?.Ended(segment) ?? Interlocked.Increment(ref _ended) == 2;
        _owner.Ended(segment, both);
    }
}

/// <summary>What <see cref="WearerSensorLinks"/> hands on, always under the owner's lock.</summary>
internal interface IWearerSensorOwner
{
    /// <summary>True once the owner wants nothing more (it failed, or it has its result).</summary>
    bool Done { get; }

    /// <summary>A reading (for two captures, in arrival order across both).</summary>
    void Reading(WearerSegment segment, WitMotionReading reading);

    /// <summary>Any other event of a sensor: lost, restored, a notice, statistics.</summary>
    void Event(WearerSegment segment, WitMotionSensorEvent e);

    /// <summary>Live links: host time every <see cref="WearerSensorLinks.AdvanceEvery"/>.</summary>
    void Tick(long nowMicroseconds);

    /// <summary>A sensor's source ended; <paramref name="both"/> once both have (everything was handed on).</summary>
    void Ended(WearerSegment segment, bool both);

    /// <summary>A sensor's link failed (<paramref name="segment"/>), or a handler threw (null).</summary>
    void Fail(WearerSegment? segment, string message);
}
