using PostureStream.Cli.Simulate;

namespace PostureStream.Cli.Tests.EndToEnd;

/// <summary>
/// Paces a simulation by a virtual clock that <c>run</c> shares in-process: before it moves the clock on to what is
/// due next, it waits until the host has read everything sent so far and stamped it, so each arrival is stamped with
/// the time it was sent, however busy the machine is. BLE notifications keep their boundaries, so there it counts:
/// one stamp per notification sent. A serial port is a byte stream: the kernel may hand one write to the host's reads
/// in two pieces, or two writes in one, so a count of reads drifts from the writes (and each drift would last for the
/// rest of the run). There, each step asks that the host stamped a read since the last write, emptied the port's
/// queue, and that its pipeline has taken every read its link queued (<see cref="LockstepClock.Taken"/>): a port's
/// queue is emptied by the link's reader thread at once, so an empty queue alone says nothing of a pipeline that is
/// behind. A piece of a write read late is late by one step at most, and only once. Around an unplugged
/// sensor (or before the host opens a port) some of what was sent is read by nobody: when the host has read and taken
/// all it will and the stamps stop for <see cref="Settle"/>, the pacer counts that as gone and moves on. Over serial
/// that happens only while a port has no live reader (<see cref="LockstepClock.PortsBeingRead"/>): once both ports'
/// link threads have stamped a read, what is written will be read, so the pacer waits for it however long a loaded
/// machine keeps the reader from running (up to <see cref="Patience"/>, then fails) and never moves the clock on a
/// guess. The scenario's time 0 is <see cref="Origin"/>.
/// </summary>
internal sealed class LockstepPacer(LockstepClock clock) : ISimulationPacer
{
    /// <summary>How long (real time) the stamps may stand still, everything read, before the rest count as lost.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(200);

    /// <summary>How long (real time) one step may take before the test fails.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Serial: one port per sensor, lumbar and pelvis.</summary>
    private const int SerialPorts = 2;

    private TimeSpan _now;

    /// <summary>BLE: notifications counted as gone.</summary>
    private long _lost;

    /// <summary>Serial: what had been written, and the stamps taken, when the last step ended.</summary>
    private long _deliveredBefore;
    private long _stampsBefore;

    /// <summary>The clock's time at the scenario's time 0 (set at the first step).</summary>
    public DateTimeOffset? Origin { get; private set; }

    public async ValueTask WaitUntilAsync(TimeSpan due, long delivered, Func<bool> hostReadAll, CancellationToken cancellationToken)
    {
        Origin ??= clock.Now;
        long started = TimeProvider.System.GetTimestamp();
        (long, long) stampsSeen = (clock.Reads, clock.Taken);
        long stampsChanged = started;
        for (int tries = 0; !Stamped(delivered) || !hostReadAll(); tries++)
        {
            long now = TimeProvider.System.GetTimestamp();
            if ((clock.Reads, clock.Taken) != stampsSeen)
            {
                (stampsSeen, stampsChanged) = ((clock.Reads, clock.Taken), now);
            }
            else if (hostReadAll() && AllTaken && TimeProvider.System.GetElapsedTime(stampsChanged, now) > Settle)
            {
                if (SomeoneWillRead)
                {
                    // Every port has a live reader: what was written will be read, however long the machine keeps it waiting.
                    stampsChanged = now;
                }
                else
                {
                    _lost = delivered - clock.Reads;
                    break;
                }
            }

            if (TimeProvider.System.GetElapsedTime(started, now) > Patience)
            {
                throw new TimeoutException(
                    $"the host did not take what was sent before {due} within {Patience}: {delivered} writes or notifications sent, " +
                    $"{clock.Reads} reads stamped ({_stampsBefore} at the last write), {clock.Taken} taken, all read: {hostReadAll()}");
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

        (_deliveredBefore, _stampsBefore) = (delivered, clock.Reads);
        if (due > _now)
        {
            clock.Advance(due - _now);
            _now = due;
        }
    }

    /// <summary>
    /// Whether the host has stamped what was sent: each notification, or for serial, a read since the last write, and
    /// its pipeline has taken every read.
    /// </summary>
    private bool Stamped(long delivered) => clock.Counted switch
    {
        LockstepClock.Stamps.BleNotifications => clock.Reads + _lost >= delivered,
        LockstepClock.Stamps.SerialReads => (delivered == _deliveredBefore || clock.Reads > _stampsBefore) && AllTaken,
        _ => throw new InvalidOperationException($"unknown stamps {clock.Counted}"),
    };

    /// <summary>
    /// Serial: both sensors' ports have a reader that has stamped a read and still runs, so all that is written is
    /// read: nothing may count as gone. Before the host has opened a port (its open flushes what was written before),
    /// and while it reopens a re-plugged one, a port has none.
    /// </summary>
    private bool SomeoneWillRead => clock.Counted == LockstepClock.Stamps.SerialReads && clock.PortsBeingRead >= SerialPorts;

    /// <summary>Serial: the pipeline has taken every read the links queued (always true for BLE, counted per notification).</summary>
    private bool AllTaken => clock.Counted != LockstepClock.Stamps.SerialReads || clock.Taken >= clock.Reads;
}
