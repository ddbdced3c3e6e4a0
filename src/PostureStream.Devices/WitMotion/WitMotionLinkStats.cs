using PostureStream.Devices.Session;

namespace PostureStream.Devices.WitMotion;

/// <summary>
/// One sensor link's counts over an interval. <see cref="Packets"/> are accepted packets (serial) or 0x61 packets
/// (BLE); <see cref="Samples"/> the angle (or quaternion) readings, one per output period; <see cref="Errors"/> bad
/// checksums (serial) or rejected packets (BLE: bad length, header, flag, implausible values); there is no counter,
/// so loss cannot be counted here (the signal side sees it as missing sample times).
/// </summary>
public readonly record struct WitMotionLinkStats(
    Transport Transport,
    long IntervalStartMicroseconds,
    TimeSpan Interval,
    long Packets,
    long Samples,
    long Errors,
    long SkippedPackets,
    long DiscardedBytes,
    long Resyncs,
    long Reconnects)
{
    /// <summary>As a <c>link_stats</c> point: packets as frames, errors as CRC errors (the packets' only integrity check).</summary>
    public LinkStats ToLinkStats() => new(
        Transport,
        DateTimeOffset.UnixEpoch.AddTicks(IntervalStartMicroseconds * TimeSpan.TicksPerMicrosecond),
        Interval,
        Packets,
        Samples,
        CrcErrors: Errors,
        CobsErrors: 0,
        OtherErrors: 0,
        LostFrames: 0,
        Resyncs,
        Reconnects,
        LastTickMicroseconds: null);
}
