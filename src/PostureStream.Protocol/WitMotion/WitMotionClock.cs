namespace PostureStream.Protocol.WitMotion;

/// <summary>
/// The 0x50 time packet: YY MM DD hh mm ss msL msH (year 20YY; ms = (msH &lt;&lt; 8) | msL). It is the sensor's own
/// real-time clock, on models that have one and when it is enabled in the return-content register (bit 0 of RSWL,
/// off by default); it is read as microseconds since 2000-01-01 00:00 of that clock, which is all the signal side
/// needs (steps between packets, ms resolution).
/// <para>
/// A clock nobody set may carry no date (zeros, or fields out of range): then only the time of day is read, on
/// 2000-01-01, so the packet still works as a relative clock (it wraps at midnight, which the signal side takes as a
/// clock jump). Only a packet whose time of day is no time (hour 24, second 60, ms 1000, …) is no clock at all.
/// </para>
/// </summary>
public static class WitMotionClock
{
    private static readonly DateTime Epoch = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>Microseconds since 2000-01-01 of the sensor clock, or false when the time of day is not a time.</summary>
    public static bool TryRead(WitMotionPacket packet, out long microseconds) => TryRead(packet, out microseconds, out _);

    /// <summary>As <see cref="TryRead(WitMotionPacket, out long)"/>; <paramref name="hasDate"/> says whether the date fields were a date.</summary>
    public static bool TryRead(WitMotionPacket packet, out long microseconds, out bool hasDate)
    {
        microseconds = 0;
        hasDate = false;
        if (packet.Type != WitMotionPacketType.Time)
        {
            return false;
        }

        Span<byte> d = stackalloc byte[WitMotionLayout.SerialDataLength];
        packet.WriteData(d);
        int millisecond = d[6] | (d[7] << 8);
        if (d[3] > 23 || d[4] > 59 || d[5] > 59 || millisecond > 999)
        {
            return false;
        }

        hasDate = d[1] is >= 1 and <= 12 && d[2] >= 1 && d[2] <= DateTime.DaysInMonth(2000 + d[0], d[1]);
        DateTime day = hasDate ? new DateTime(2000 + d[0], d[1], d[2], 0, 0, 0, DateTimeKind.Unspecified) : Epoch;
        var time = day.Add(new TimeSpan(0, d[3], d[4], d[5], millisecond));
        microseconds = (time - Epoch).Ticks / TimeSpan.TicksPerMicrosecond;
        return true;
    }

    /// <summary>The time packet for <paramref name="microseconds"/> since 2000-01-01 (truncated to the millisecond), for stand-ins.</summary>
    /// <param name="microseconds">The clock's reading.</param>
    /// <param name="withoutDate">Write zeros for YY MM DD, as a clock whose date was never set.</param>
    public static WitMotionPacket ToPacket(long microseconds, bool withoutDate = false)
    {
        DateTime time = Epoch.AddTicks(microseconds * TimeSpan.TicksPerMicrosecond);
        if (time.Year is < 2000 or > 2255)
        {
            throw new ArgumentOutOfRangeException(nameof(microseconds), "the sensor clock covers the years 2000 to 2255");
        }

        Span<byte> d =
        [
            withoutDate ? (byte)0 : (byte)(time.Year - 2000), withoutDate ? (byte)0 : (byte)time.Month, withoutDate ? (byte)0 : (byte)time.Day,
            (byte)time.Hour, (byte)time.Minute, (byte)time.Second, (byte)time.Millisecond, (byte)(time.Millisecond >> 8),
        ];
        return WitMotionPacket.FromData((byte)WitMotionPacketType.Time, d);
    }
}
