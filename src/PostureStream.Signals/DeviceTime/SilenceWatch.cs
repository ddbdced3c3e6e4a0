using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace PostureStream.Signals;

/// <summary>
/// Watches a live link (Signals README, device time): when nothing arrives for <see cref="DeviceTimeOptions.SilenceTimeout"/>
/// of the scheduler's time, calls <c>onSilent</c> once (under the owner's gate, on the scheduler), and marks the first
/// sample that arrives afterwards as after a long gap (filters restart, episodes end), its gap length at least the
/// wall time since the last input before the silence. One pending timer per device, moved only when it fires,
/// never one per input. The owner calls <see cref="Arrived"/> and <see cref="MarkFirst"/> under the same gate.
/// </summary>
internal sealed class SilenceWatch : IDisposable
{
    private readonly Lock gate;
    private readonly TimeSpan timeout;
    private readonly IScheduler scheduler;
    private readonly Action onSilent;
    private readonly SerialDisposable timer = new();
    private DateTimeOffset lastArrival;
    private DateTimeOffset silentSince;
    private bool silent;
    private bool markNextSample;
    private bool stopped;

    public SilenceWatch(Lock gate, TimeSpan timeout, IScheduler scheduler, Action onSilent)
    {
        this.gate = gate;
        this.timeout = timeout;
        this.scheduler = scheduler;
        this.onSilent = onSilent;
        lastArrival = scheduler.Now;
        ScheduleCheck(lastArrival + timeout);
    }

    /// <summary>Under the gate: an input arrived now.</summary>
    public void Arrived()
    {
        DateTimeOffset now = scheduler.Now;
        if (silent)
        {
            silent = false;
            markNextSample = true;
            silentSince = lastArrival;
            ScheduleCheck(now + timeout);
        }

        lastArrival = now;
    }

    /// <summary>Under the gate, after <see cref="Arrived"/>: marks the first sample after a silence.</summary>
    public void MarkFirst(ref PostureSample first)
    {
        if (!markNextSample)
        {
            return;
        }

        markNextSample = false;
        first.Marks |= SampleMarks.Gap | SampleMarks.LongGap | SampleMarks.AfterSilence;

        // Ticks may have wrapped unseen during a long silence: the wall time is the better length then.
        first.GapMicroseconds = Math.Max(first.GapMicroseconds, (long)(lastArrival - silentSince).TotalMicroseconds);
    }

    /// <summary>Under the gate (or alone): no more checks.</summary>
    public void Dispose()
    {
        stopped = true;
        timer.Dispose();
    }

    private void ScheduleCheck(DateTimeOffset due) =>
        timer.Disposable = scheduler.Schedule(this, due, static (_, self) =>
        {
            self.Check();
            return Disposable.Empty;
        });

    private void Check()
    {
        lock (gate)
        {
            if (stopped || silent)
            {
                return;
            }

            DateTimeOffset due = lastArrival + timeout;
            if (scheduler.Now < due)
            {
                ScheduleCheck(due);
                return;
            }

            silent = true;
            onSilent();
        }
    }
}
