using System.Diagnostics;
using PostureStream.Devices.WitMotion;
using PostureStream.Testing;

namespace PostureStream.Cli.Tests.EndToEnd;

/// <summary>
/// A <see cref="ManualTimeProvider"/> that counts the arrival stamps read from it: a live WitMotion source
/// (<see cref="WitMotionLinkSource"/>) reads the clock once per notification (BLE) or serial read it takes, so when
/// the count has reached the notifications (or one-write bursts) sent, the host has stamped them all. Other reads (the reporter, the store, the timers
/// <see cref="Advance"/> fires) are not counted: they are told apart by who is calling.
/// </summary>
internal sealed class LockstepClock : TimeProvider
{
    [ThreadStatic]
    private static bool t_advancing;

    private readonly ManualTimeProvider _clock = new();
    private long _reads;

    public long Reads => Interlocked.Read(ref _reads);

    public override long TimestampFrequency => _clock.TimestampFrequency;

    public override DateTimeOffset GetUtcNow()
    {
        if (!t_advancing && IsArrivalStamp())
        {
            Interlocked.Increment(ref _reads);
        }

        return _clock.GetUtcNow();
    }

    public override long GetTimestamp() => _clock.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _clock.CreateTimer(callback, state, dueTime, period);

    public DateTimeOffset Now => _clock.GetUtcNow();

    /// <summary>Whether a WitMotion source is stamping (its iterator, or the stamp helper it calls, may be inlined).</summary>
    private static bool IsArrivalStamp()
    {
        foreach (StackFrame frame in new StackTrace(2, false).GetFrames().Take(4))
        {
            for (Type? type = frame.GetMethod()?.DeclaringType; type is not null; type = type.DeclaringType)
            {
                if (type == typeof(WitMotionLinkSource) || type == typeof(WitMotionChunk))
                {
                    return true;
                }
            }
        }

        return false;
    }

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
}
