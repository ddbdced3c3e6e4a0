namespace PostureStream.Devices.Session;

/// <summary>
/// Cancels a link's reads once it has delivered no bytes for the idle timeout, so a peer that stays
/// connected but says nothing (a hung device, a half-open TCP connection) is dropped and reopened instead of
/// being waited on for ever. One watchdog per link; <see cref="Kick"/> after every read that returned bytes.
/// The timer comes from the session's <see cref="TimeProvider"/>, so tests run it in virtual time.
/// </summary>
internal sealed class IdleWatchdog : IDisposable
{
    private readonly TimeSpan _timeout;
    private readonly CancellationTokenSource _expired;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private bool _hasExpired;
    private bool _disposed;

    /// <param name="stop">The session's stop token: <see cref="Token"/> is cancelled by either.</param>
    public IdleWatchdog(TimeSpan timeout, TimeProvider time, CancellationToken stop)
    {
        _timeout = timeout;
        _expired = CancellationTokenSource.CreateLinkedTokenSource(stop);
        _timer = time.CreateTimer(_ => Expire(), null, timeout, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Pass this to the link's reads: cancelled when the link falls silent or the session stops.</summary>
    public CancellationToken Token => _expired.Token;

    /// <summary>True once the link was silent for the whole timeout.</summary>
    public bool HasExpired
    {
        get
        {
            lock (_gate)
            {
                return _hasExpired;
            }
        }
    }

    /// <summary>Bytes arrived: the silence starts again from now.</summary>
    public void Kick() => _timer.Change(_timeout, Timeout.InfiniteTimeSpan);

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        _timer.Dispose();
        _expired.Dispose();
    }

    private void Expire()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _hasExpired = true;
        }

        try
        {
            // Outside the lock: the cancelled read may resume on this thread and dispose the watchdog.
            _expired.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The link was replaced between the check and the cancel: nothing left to stop.
        }
    }
}
