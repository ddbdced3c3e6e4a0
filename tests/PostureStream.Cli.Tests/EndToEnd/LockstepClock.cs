using System.Collections.Concurrent;
using System.Diagnostics;
using PostureStream.Devices.WitMotion;
using PostureStream.Testing;

namespace PostureStream.Cli.Tests.EndToEnd;

/// <summary>
/// A <see cref="ManualTimeProvider"/> that counts the clock reads by which the host takes what a simulation sends,
/// so a <see cref="LockstepPacer"/> knows when it may move the clock on. Over BLE (<see cref="Stamps.BleNotifications"/>)
/// a live WitMotion source (<see cref="WitMotionLinkSource"/>) reads the clock once per notification it takes:
/// <see cref="Reads"/>. A serial port (<see cref="Stamps.SerialReads"/>) is read by its link's own thread, which stamps
/// each read that returns bytes with the monotonic timestamp (<see cref="Reads"/>) and queues it; the pipeline takes
/// each queued read with one UTC read (<see cref="Taken"/>). So <see cref="Taken"/> = <see cref="Reads"/> says the
/// pipeline has taken every read there was, whatever pieces the kernel cut the writes into. Other reads (the reporter, the store, the
/// timers <see cref="Advance"/> fires, a source's stamp of a lost or restored link for serial) are not counted: they
/// are told apart by who is calling.
/// </summary>
internal sealed class LockstepClock(LockstepClock.Stamps counted = LockstepClock.Stamps.BleNotifications) : TimeProvider
{
    /// <summary>Which clock reads are counted.</summary>
    public enum Stamps
    {
        /// <summary>A WitMotion source's UTC reads, one per BLE notification it takes (and per lost or restored link).</summary>
        BleNotifications,

        /// <summary>A serial port link's: its reader's timestamp per read, its UTC read per read taken from its queue.</summary>
        SerialReads,
    }

    /// <summary>The serial port's link (internal to PostureStream.Devices) and the method of its reader thread.</summary>
    private const string SerialLink = "PostureStream.Devices.Serial.FileDescriptorLink";
    private const string SerialReaderLoop = "ReadLoop";

    [ThreadStatic]
    private static bool t_advancing;

    private readonly ManualTimeProvider _clock = new();

    /// <summary>Serial: the links' reader threads that have stamped a read (a port is being read while its thread lives).</summary>
    private readonly ConcurrentDictionary<Thread, bool> _readers = new();
    private long _reads;
    private long _taken;

    /// <summary>BLE: notifications taken. Serial: reads of the ports stamped by their reader threads.</summary>
    public long Reads => Interlocked.Read(ref _reads);

    /// <summary>Serial: stamped reads the pipeline has taken from the links' queues (0 for BLE).</summary>
    public long Taken => Interlocked.Read(ref _taken);

    /// <summary>Which clock reads are counted.</summary>
    public Stamps Counted => counted;

    /// <summary>
    /// Serial: how many ports a host reads now: reader threads that have stamped a read and still run. A link's
    /// thread starts once its port is open and flushed, so from its first stamp on, all written to that port is read;
    /// it ends when the port hangs up (unplugged).
    /// </summary>
    public int PortsBeingRead => _readers.Keys.Count(reader => reader.IsAlive);

    public override long TimestampFrequency => _clock.TimestampFrequency;

    public override DateTimeOffset GetUtcNow()
    {
        // Read first, count after: the pacer moves the clock on only once it has seen the count.
        DateTimeOffset now = _clock.GetUtcNow();
        if (!t_advancing && Caller() is { } caller)
        {
            switch (counted)
            {
                case Stamps.BleNotifications when caller.Type == typeof(WitMotionLinkSource) || caller.Type == typeof(WitMotionChunk):
                    Interlocked.Increment(ref _reads);
                    break;
                case Stamps.SerialReads when caller.Type.FullName == SerialLink:
                    Interlocked.Increment(ref _taken);
                    break;
            }
        }

        return now;
    }

    public override long GetTimestamp()
    {
        long now = _clock.GetTimestamp();
        if (counted == Stamps.SerialReads && !t_advancing && Caller() is { } caller && caller.Type.FullName == SerialLink && caller.Method == SerialReaderLoop)
        {
            _readers.TryAdd(Thread.CurrentThread, true);
            Interlocked.Increment(ref _reads);
        }

        return now;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _clock.CreateTimer(callback, state, dueTime, period);

    public DateTimeOffset Now => _clock.GetUtcNow();

    public void Advance(TimeSpan by)
    {
        t_advancing = true;
        try
        {
            _clock.Advance(by);
        }
        finally
        {
            t_advancing = false;
        }
    }

    /// <summary>
    /// The first of the nearest frames that belongs to a type that stamps (its outermost declaring type), or null. The
    /// look starts at this method's own frame: the JIT may inline it and the clock read (guarded devirtualization, once
    /// a hot loop is recompiled) into the stamping method, whose frame is then the first; skipping frames would miss it.
    /// </summary>
    private static (Type Type, string Method)? Caller()
    {
        foreach (StackFrame frame in new StackTrace(0, false).GetFrames().Take(6))
        {
            if (frame.GetMethod() is not { DeclaringType: { } declaring } method)
            {
                continue;
            }

            Type type = declaring;
            while (type.DeclaringType is { } outer)
            {
                type = outer;
            }

            if (type == typeof(WitMotionLinkSource) || type == typeof(WitMotionChunk) || type.FullName == SerialLink)
            {
                return (type, method.Name);
            }
        }

        return null;
    }
}
