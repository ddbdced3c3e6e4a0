using System.Reactive.Linq;
using System.Reactive.Subjects;

namespace PostureStream.Devices.Session;

/// <summary>
/// Hands a session's events to its subscribers OUTSIDE the session's lock, in the order they were posted. Events are
/// posted under the lock (so their order is the order things happened) and delivered by whichever thread calls
/// <see cref="Drain"/> first after releasing it: one thread delivers at a time, and a thread that finds another
/// delivering leaves its events to it. The downstream (signal chain, stores, terminal) therefore never holds up the
/// reader's lock, a command's ACK or a timer, and a subscriber may call back into the session without deadlock.
/// </summary>
internal sealed class EventOutbox : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Queue<Notification> _queue = new();
    private readonly Subject<DeviceEvent> _subject = new();
    private bool _draining;
    private bool _ended;

    /// <summary>What subscribers see: every event once, in order, then completion or the error.</summary>
    public IObservable<DeviceEvent> Events => _subject.AsObservable();

    public void Post(DeviceEvent e)
    {
        lock (_gate)
        {
            if (!_ended)
            {
                _queue.Enqueue(new Notification(e, End: false, null));
            }
        }
    }

    /// <summary>The last thing delivered: completion (<paramref name="error"/> null) or the error. Later posts are dropped.</summary>
    public void PostEnd(Exception? error)
    {
        lock (_gate)
        {
            if (_ended)
            {
                return;
            }

            _ended = true;
            _queue.Enqueue(new Notification(null, End: true, error));
        }
    }

    /// <summary>
    /// Delivers what is queued, in order, unless another thread is already doing so. Call it after releasing the
    /// session's lock, never while holding it. A subscriber's exception is thrown here (what is left stays queued
    /// for the next drain).
    /// </summary>
    public void Drain()
    {
        lock (_gate)
        {
            if (_draining)
            {
                return;
            }

            _draining = true;
        }

        try
        {
            while (true)
            {
                Notification next;
                lock (_gate)
                {
                    if (!_queue.TryDequeue(out next))
                    {
                        _draining = false;
                        return;
                    }
                }

                Deliver(next);
            }
        }
        catch
        {
            lock (_gate)
            {
                _draining = false;
            }

            throw;
        }
    }

    public void Dispose() => _subject.Dispose();

    private void Deliver(Notification n)
    {
        if (!n.End)
        {
            _subject.OnNext(n.Event!);
        }
        else if (n.Error is null)
        {
            _subject.OnCompleted();
        }
        else
        {
            _subject.OnError(n.Error);
        }
    }

    private readonly record struct Notification(DeviceEvent? Event, bool End, Exception? Error);
}
