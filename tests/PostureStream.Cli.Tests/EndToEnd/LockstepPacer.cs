using PostureStream.Cli.Simulate;

namespace PostureStream.Cli.Tests.EndToEnd;

/// <summary>
/// Paces a simulation by a virtual clock that <c>run</c> shares in-process: before it moves the clock on to what is
/// due next, it waits until the host has read every notification (or serial write) sent so far and stamped it (one clock read each),
/// so each arrival is stamped with the time it was sent, however busy the machine is. Around an unplugged sensor
/// some notifications are read by nobody; when the host has read all it will and the stamps stop for
/// <see cref="Settle"/>, the pacer counts those as gone and moves on. The scenario's time 0 is <see cref="Origin"/>.
/// </summary>
internal sealed class LockstepPacer(LockstepClock clock) : ISimulationPacer
{
    /// <summary>How long (real time) the stamps may stand still, everything read, before the rest count as lost.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(200);

    /// <summary>How long (real time) one step may take before the test fails.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private TimeSpan _now;
    private long _lost;

    /// <summary>The clock's time at the scenario's time 0 (set at the first step).</summary>
    public DateTimeOffset? Origin { get; private set; }

    public async ValueTask WaitUntilAsync(TimeSpan due, long delivered, Func<bool> hostReadAll, CancellationToken cancellationToken)
    {
        Origin ??= clock.Now;
        long started = TimeProvider.System.GetTimestamp();
        long stampsSeen = clock.Reads;
        long stampsChanged = started;
        for (int tries = 0; clock.Reads + _lost < delivered || !hostReadAll(); tries++)
        {
            long now = TimeProvider.System.GetTimestamp();
            if (clock.Reads != stampsSeen)
            {
                (stampsSeen, stampsChanged) = (clock.Reads, now);
            }
            else if (hostReadAll() && TimeProvider.System.GetElapsedTime(stampsChanged, now) > Settle)
            {
                _lost = delivered - clock.Reads;
                break;
            }

            if (TimeProvider.System.GetElapsedTime(started, now) > Patience)
            {
                throw new TimeoutException($"the host did not take the notifications sent before {due} within {Patience}");
            }

            // The host's reader runs on other threads: let it, then look again (briefly spinning, then napping).
            if (tries < 64)
            {
                await Task.Yield();
            }
            else
            {
                await Task.Delay(1, cancellationToken);
            }
        }

        if (due > _now)
        {
            clock.Advance(due - _now);
            _now = due;
        }
    }
}
