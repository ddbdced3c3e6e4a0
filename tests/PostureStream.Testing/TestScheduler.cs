using System.Reactive.Concurrency;

namespace PostureStream.Testing;

/// <summary>
/// A virtual clock for time-dependent operators, built on System.Reactive's own VirtualTimeScheduler
/// (Microsoft.Reactive.Testing is not available here). Absolute time is UTC ticks; nothing waits on the wall clock.
/// It counts how many actions were scheduled, so tests can check that an operator keeps one timer, not one per item.
/// </summary>
public sealed class TestScheduler : VirtualTimeScheduler<long, long>
{
    public TestScheduler(DateTimeOffset start)
        : base(start.UtcTicks, Comparer<long>.Default)
    {
    }

    public TestScheduler()
        : this(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>How many actions were scheduled so far.</summary>
    public int ScheduledCount { get; private set; }

    public DateTimeOffset UtcNow => new(Clock, TimeSpan.Zero);

    public void AdvanceBy(TimeSpan time) => AdvanceBy(time.Ticks);

    public void AdvanceTo(DateTimeOffset time) => AdvanceTo(time.UtcTicks);

    /// <summary>Runs <paramref name="action"/> when the virtual clock reaches <paramref name="time"/>.</summary>
    public void At(DateTimeOffset time, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        ScheduleAbsolute(action, time.UtcTicks, static (_, a) =>
        {
            a();
            return System.Reactive.Disposables.Disposable.Empty;
        });
    }

    public override IDisposable ScheduleAbsolute<TState>(TState state, long dueTime, Func<IScheduler, TState, IDisposable> action)
    {
        ScheduledCount++;
        return base.ScheduleAbsolute(state, dueTime <= Clock ? Clock : dueTime, action);
    }

    protected override long Add(long absolute, long relative) => absolute + relative;

    protected override DateTimeOffset ToDateTimeOffset(long absolute) => new(absolute, TimeSpan.Zero);

    protected override long ToRelative(TimeSpan timeSpan) => timeSpan.Ticks;
}
