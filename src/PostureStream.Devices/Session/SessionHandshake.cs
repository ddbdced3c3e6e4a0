using PostureStream.Protocol;

namespace PostureStream.Devices.Session;

/// <summary>
/// The identity job of a session (firmware-protocol/SPEC.md): IDENTIFY re-sent until a HELLO comes, the frames that
/// arrive before it held in order, then released behind the identity; the defaults (100 Hz, both sensors, id 0, the
/// configured name) when no HELLO comes within the hold — 2 s of wall time on a live link, of device time in a
/// capture, so a replay at any speed gives the same events; a later HELLO that changes the identity. No HELLO is
/// ever made up: without one, the identity says so (<see cref="SessionIdentity.IsFromHello"/>).
/// Its methods run under the session's lock; its timers take that lock themselves and deliver outside it.
/// </summary>
internal sealed class SessionHandshake : IDisposable
{
    private readonly Lock _gate;
    private readonly EventOutbox _outbox;
    private readonly DeviceSessionOptions _options;
    private readonly TimeProvider _time;
    private readonly bool _pacedByWallClock;
    private readonly Action _sendIdentify;
    private readonly Action<Action> _guard;
    private readonly HelloHold _hold;
    private ITimer? _holdTimer;
    private ITimer? _identifyTimer;
    private long? _holdStartMicros;
    private bool _stopped;

    /// <param name="gate">The session's lock.</param>
    /// <param name="pacedByWallClock">True for live links; false for captures, whose hold is measured in device time.</param>
    /// <param name="sendIdentify">Sends IDENTIFY (the retry timer calls it).</param>
    /// <param name="guard">Runs a timer's work so that a subscriber's exception ends the session instead of the process.</param>
    public SessionHandshake(Lock gate, EventOutbox outbox, DeviceSessionOptions options, TimeProvider time, bool pacedByWallClock, Action sendIdentify, Action<Action> guard)
    {
        _gate = gate;
        _outbox = outbox;
        _options = options;
        _time = time;
        _pacedByWallClock = pacedByWallClock;
        _sendIdentify = sendIdentify;
        _guard = guard;
        _hold = new HelloHold(options.MaxHeldFrames);
    }

    /// <summary>The identity in force (null until the HELLO or the end of the hold).</summary>
    public SessionIdentity? Identity { get; private set; }

    /// <summary>Under the gate: the session started; frames are held until the identity is known.</summary>
    public void Begin()
    {
        _hold.Begin();
        if (_pacedByWallClock)
        {
            _holdTimer = _time.CreateTimer(_ => _guard(EndHoldOnTimer), null, _options.HelloHold, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Under the gate: a link that takes commands opened; IDENTIFY is re-sent until a HELLO comes.</summary>
    public void KeepIdentifying()
    {
        if (Identity is null && _identifyTimer is null && !_stopped)
        {
            _identifyTimer = _time.CreateTimer(_ => _sendIdentify(), null, _options.IdentifyRetryInterval, _options.IdentifyRetryInterval);
        }
    }

    /// <summary>Under the gate: a HELLO. A changed identity is announced, then whatever was held follows it.</summary>
    public void OnHello(HelloMessage hello, DateTimeOffset at)
    {
        var identity = SessionIdentity.FromHello(hello, _options);
        SessionIdentity? before = Identity;
        bool changed = before is null || before.DeviceId != identity.DeviceId || before.DisplayName != identity.DisplayName
            || before.SampleRateHz != identity.SampleRateHz || before.Sensors != identity.Sensors || !before.IsFromHello;
        Identity = identity;
        StopIdentifying();
        if (changed)
        {
            _outbox.Post(new DeviceIdentified(identity, at));
        }

        ReleaseHeld();
    }

    /// <summary>Under the gate: posts an event, or holds it while the HELLO is awaited (a full hold ends with the defaults).</summary>
    public void Deliver(DeviceEvent e)
    {
        if (_hold.IsHolding && Identity is null)
        {
            if (_hold.TryHold(e))
            {
                return;
            }

            TakeDefaults(e.At);
        }

        _outbox.Post(e);
    }

    /// <summary>Under the gate: a capture's hold ends once the held samples span the hold in device time.</summary>
    public void OnDeviceTime(long deviceMicros, DateTimeOffset at)
    {
        if (_pacedByWallClock || Identity is not null || !_hold.IsHolding)
        {
            return;
        }

        _holdStartMicros ??= deviceMicros;
        if (deviceMicros - _holdStartMicros.Value >= (long)_options.HelloHold.TotalMicroseconds)
        {
            TakeDefaults(at);
        }
    }

    /// <summary>Under the gate, at the end of the source: frames still held go out behind the defaults; then no more timers.</summary>
    public void Finish(bool releaseHeld, DateTimeOffset at)
    {
        if (releaseHeld && Identity is null && _hold.IsHolding)
        {
            TakeDefaults(at);
        }

        _stopped = true;
        StopIdentifying();
        _holdTimer?.Dispose();
    }

    public void Dispose()
    {
        _identifyTimer?.Dispose();
        _holdTimer?.Dispose();
    }

    private void EndHoldOnTimer()
    {
        lock (_gate)
        {
            if (Identity is null && !_stopped)
            {
                TakeDefaults(_time.GetUtcNow());
            }
        }

        _outbox.Drain();
    }

    private void TakeDefaults(DateTimeOffset at)
    {
        Identity = SessionIdentity.Defaults(_options);
        StopIdentifying();
        _outbox.Post(new DeviceIdentified(Identity, at));
        ReleaseHeld();
    }

    private void ReleaseHeld()
    {
        _holdTimer?.Dispose();
        _holdTimer = null;
        foreach (DeviceEvent held in _hold.End())
        {
            _outbox.Post(held);
        }
    }

    private void StopIdentifying()
    {
        _identifyTimer?.Dispose();
        _identifyTimer = null;
    }
}
