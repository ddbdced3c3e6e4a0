namespace PostureStream.Storage.Tests.Fixtures;

/// <summary>A TimeProvider whose clock moves only when the test calls <see cref="Advance"/>.</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly List<(Func<TimeSpan, bool> Match, TaskCompletionSource<TimeSpan> Found)> _timerWaiters = [];
    private DateTimeOffset _now = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        lock (_gate)
        {
            for (int i = _timerWaiters.Count - 1; i >= 0; i--)
            {
                if (period == Timeout.InfiniteTimeSpan && _timerWaiters[i].Match(dueTime))
                {
                    _timerWaiters[i].Found.TrySetResult(dueTime);
                    _timerWaiters.RemoveAt(i);
                }
            }
        }

        return timer;
    }

    /// <summary>Completes when a one-shot timer whose due time matches is created.</summary>
    public Task<TimeSpan> WaitForOneShotTimerAsync(Func<TimeSpan, bool> match)
    {
        var found = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            foreach (var timer in _timers)
            {
                if (timer.Period == Timeout.InfiniteTimeSpan && timer.Next is not null && timer.DueTime is TimeSpan due && match(due))
                {
                    found.TrySetResult(due);
                    return found.Task;
                }
            }

            _timerWaiters.Add((match, found));
        }

        return found.Task;
    }

    /// <summary>Moves the clock forward, firing every timer that falls due on the way, in order.</summary>
    public void Advance(TimeSpan by)
    {
        DateTimeOffset end;
        lock (_gate)
        {
            end = _now + by;
        }

        while (true)
        {
            ManualTimer? next = null;
            lock (_gate)
            {
                foreach (var timer in _timers)
                {
                    if (timer.Next is DateTimeOffset due && due <= end && (next is null || due < next.Next))
                    {
                        next = timer;
                    }
                }

                if (next is null)
                {
                    _now = end;
                    return;
                }

                _now = next.Next!.Value;
                next.Next = next.Period == Timeout.InfiniteTimeSpan ? null : _now + next.Period;
            }

            next.Fire();
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? Next { get; set; }

        public TimeSpan? DueTime { get; private set; }

        public TimeSpan Period { get; private set; } = Timeout.InfiniteTimeSpan;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
                DueTime = dueTime == Timeout.InfiniteTimeSpan ? null : dueTime;
                Period = period;
                Next = dueTime == Timeout.InfiniteTimeSpan ? null : owner._now + dueTime;
                owner._timers.Add(this);
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
