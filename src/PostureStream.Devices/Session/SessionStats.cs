using PostureStream.Protocol;

namespace PostureStream.Devices.Session;

/// <summary>
/// The statistics job of a session (Storage README, schema, link_stats): frames, samples, decoder errors, lost frames,
/// resyncs and reconnects per interval — every 10 s of wall time on a live link, of device time in a capture (so a
/// replay reports the same intervals at any speed), and once more at the end.
/// Its methods run under the session's lock; its timer takes that lock itself and delivers outside it.
/// </summary>
internal sealed class SessionStats : IDisposable
{
    private readonly Lock _gate;
    private readonly EventOutbox _outbox;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly bool _pacedByWallClock;
    private readonly PspStreamDecoder _decoder;
    private readonly Transport _transport;
    private readonly Action<Action> _guard;
    private LinkStatsCounter? _counter;
    private ITimer? _timer;
    private long? _startMicros;
    private long _samples;
    private uint? _lastTick;
    private bool _stopped;

    /// <param name="gate">The session's lock.</param>
    /// <param name="decoder">The session's decoder, whose running totals the intervals are taken from.</param>
    /// <param name="guard">Runs the timer's work so that a subscriber's exception ends the session instead of the process.</param>
    public SessionStats(Lock gate, EventOutbox outbox, TimeProvider time, TimeSpan interval, bool pacedByWallClock, PspStreamDecoder decoder, Transport transport, Action<Action> guard)
    {
        _gate = gate;
        _outbox = outbox;
        _time = time;
        _interval = interval;
        _pacedByWallClock = pacedByWallClock;
        _decoder = decoder;
        _transport = transport;
        _guard = guard;
    }

    /// <summary>Links reopened since the start.</summary>
    public int Reconnects { get; private set; }

    /// <summary>Under the gate: the first link is open; intervals start now.</summary>
    public void Start()
    {
        _counter = new LinkStatsCounter(_transport, _time.GetUtcNow());
        if (_pacedByWallClock)
        {
            _timer = _time.CreateTimer(_ => _guard(ReportOnTimer), null, _interval, _interval);
        }
    }

    /// <summary>Under the gate: a link was reopened; returns how many so far.</summary>
    public int CountReconnect() => ++Reconnects;

    /// <summary>Under the gate: a SAMPLES frame of <paramref name="count"/> samples, the last at this device tick.</summary>
    public void CountSamples(int count, uint lastTick)
    {
        _samples += count;
        _lastTick = lastTick;
    }

    /// <summary>Under the gate: in a capture, an interval is reported once the device time has passed it.</summary>
    public void OnDeviceTime(long deviceMicros, DateTimeOffset at)
    {
        // Intervals count from the first sample's device time.
        long start = _startMicros ??= deviceMicros;
        long interval = (long)_interval.TotalMicroseconds;
        if (_pacedByWallClock || _counter is null || deviceMicros - start < interval)
        {
            return;
        }

        _startMicros = start + ((deviceMicros - start) / interval * interval);
        Report(at);
    }

    /// <summary>Under the gate, at the end: the last (partial) interval, unless the session failed; then no more reports.</summary>
    public void Finish(bool reportLast)
    {
        if (reportLast && !_stopped && _counter is not null)
        {
            Report(_time.GetUtcNow());
        }

        _stopped = true;
        _timer?.Dispose();
    }

    public void Dispose() => _timer?.Dispose();

    private void ReportOnTimer()
    {
        lock (_gate)
        {
            if (!_stopped && _counter is not null)
            {
                Report(_time.GetUtcNow());
            }
        }

        _outbox.Drain();
    }

    private void Report(DateTimeOffset at) =>
        _outbox.Post(new LinkStatsReported(_counter!.Take(_decoder.Stats, _samples, Reconnects, _lastTick, at), at));
}
