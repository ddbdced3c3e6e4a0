using System.Threading.Channels;

namespace PostureStream.Devices.Tests.Support;

/// <summary>
/// Virtual time for tests: timers fire only when the test calls <see cref="Advance"/>, in due order, on the
/// test's thread. Task.Delay and CancellationTokenSource accept it like the system clock.
/// </summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly Channel<TimeSpan> _oneShots = Channel.CreateUnbounded<TimeSpan>();
    private DateTimeOffset _now;
    private long _elapsedTicks;

    public ManualTimeProvider(DateTimeOffset start) => _now = start;

    public ManualTimeProvider()
        : this(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero))
    {
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Timers waiting to fire.</summary>
    public int PendingTimers
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count(t => t.DueTicks is not null);
            }
        }
    }

    /// <summary>
    /// The due time of the next one-shot timer (a Task.Delay, a retry, a timeout) that the code under test sets
    /// and <paramref name="match"/> accepts, in the order they were set; periodic timers are skipped. Lets a
    /// test wait until the code is parked on a delay before it moves the clock, without sleeping.
    /// </summary>
    public async Task<TimeSpan> NextOneShotAsync(Func<TimeSpan, bool> match)
    {
        using var timeout = new CancellationTokenSource(LinkExtensions.Patience);
        while (true)
        {
            TimeSpan dueIn = await _oneShots.Reader.ReadAsync(timeout.Token);
            if (match(dueIn))
            {
                return dueIn;
            }
        }
    }

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

                _now += TimeSpan.FromTicks(next.DueTicks!.Value - _elapsedTicks);
                _elapsedTicks = next.DueTicks.Value;
                next.DueTicks = next.PeriodTicks > 0 ? _elapsedTicks + next.PeriodTicks : null;
                if (next.DueTicks is null)
                {
                    _timers.Remove(next);
                }
            }

            next.Fire();
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public long? DueTicks { get; set; }

        public long PeriodTicks { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
                PeriodTicks = period == Timeout.InfiniteTimeSpan ? 0 : period.Ticks;
                DueTicks = dueTime == Timeout.InfiniteTimeSpan ? null : owner._elapsedTicks + dueTime.Ticks;
                if (DueTicks is not null)
                {
                    owner._timers.Add(this);
                    if (PeriodTicks == 0)
                    {
                        owner._oneShots.Writer.TryWrite(dueTime);
                    }
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
                DueTicks = null;
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
