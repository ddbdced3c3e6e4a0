namespace PostureStream.Testing;

/// <summary>
/// Virtual time for tests: the clock and the timestamps move only when the test calls <see cref="Advance"/>,
/// and timers fire then, in due order, on the test's thread. Task.Delay, CancellationTokenSource and the
/// code under test accept it like the system clock.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    /// <summary>Where the clock starts unless a test says otherwise: Monday 5 January 2026, 08:00 UTC.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    /// <summary>How long <see cref="WaitForOneShotAsync"/> waits (in real time) for the code to set a timer.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly List<(Func<TimeSpan, bool> Match, TaskCompletionSource<TimeSpan> Found)> _waiters = [];
    private DateTimeOffset _now;
    private long _elapsedTicks;

    public ManualTimeProvider(DateTimeOffset start) => _now = start;

    public ManualTimeProvider()
        : this(DefaultStart)
    {
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp()
    {
        lock (_gate)
        {
            return _elapsedTicks;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>
    /// The time a one-shot timer (a Task.Delay, a retry, a timeout) was set to fire in, for the first such
    /// timer that <paramref name="match"/> accepts: one pending now (in the order they were set), else the
    /// next one the code sets. Periodic timers are skipped. Lets a test wait until the code is parked on a
    /// delay before it moves the clock, without sleeping; fails with a <see cref="TimeoutException"/> after
    /// <see cref="Patience"/>.
    /// </summary>
    public async Task<TimeSpan> WaitForOneShotAsync(Func<TimeSpan, bool> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var found = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            foreach (var timer in _timers)
            {
                if (timer.IsOneShot && match(timer.SetFor))
                {
                    return timer.SetFor;
                }
            }

            _waiters.Add((match, found));
        }

        try
        {
            return await found.Task.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                _waiters.RemoveAll(w => w.Found == found);
                string pending = string.Join(", ", _timers.Select(t => t.IsOneShot ? $"one-shot {t.SetFor}" : $"every {TimeSpan.FromTicks(t.PeriodTicks)}"));
                throw new TimeoutException($"no matching one-shot timer was set within {Patience.TotalSeconds} s; pending: [{pending}]");
            }
        }
    }

    /// <summary>Moves time forward, firing every timer that falls due on the way.</summary>
    public void Advance(TimeSpan by)
    {
        long target;
        lock (_gate)
        {
            target = _elapsedTicks + by.Ticks;
        }

        while (true)
        {
            ManualTimer? next;
            lock (_gate)
            {
                next = _timers.Where(t => t.DueTicks <= target).MinBy(t => t.DueTicks);
                if (next is null)
                {
                    _now += TimeSpan.FromTicks(target - _elapsedTicks);
                    _elapsedTicks = target;
                    return;
                }

                _now += TimeSpan.FromTicks(next.DueTicks - _elapsedTicks);
                _elapsedTicks = next.DueTicks;
                if (next.IsOneShot)
                {
                    _timers.Remove(next);
                }
                else
                {
                    next.DueTicks = _elapsedTicks + next.PeriodTicks;
                }
            }

            next.Fire();
        }
    }

    /// <summary>Wakes the waiters a newly set one-shot timer satisfies. Called under the gate.</summary>
    private void OnOneShotSet(TimeSpan setFor)
    {
        for (int i = _waiters.Count - 1; i >= 0; i--)
        {
            if (_waiters[i].Match(setFor))
            {
                _waiters[i].Found.TrySetResult(setFor);
                _waiters.RemoveAt(i);
            }
        }
    }

    /// <summary>A timer is in the owner's list exactly while it is due to fire.</summary>
    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public long DueTicks { get; set; }

        public long PeriodTicks { get; private set; }

        /// <summary>The due time the timer was last set with.</summary>
        public TimeSpan SetFor { get; private set; }

        public bool IsOneShot => PeriodTicks == 0;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    return true;
                }

                SetFor = dueTime;
                PeriodTicks = period == Timeout.InfiniteTimeSpan ? 0 : period.Ticks;
                DueTicks = owner._elapsedTicks + dueTime.Ticks;
                owner._timers.Add(this);
                if (IsOneShot)
                {
                    owner.OnOneShotSet(dueTime);
                }
            }

            return true;
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
