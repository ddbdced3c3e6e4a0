namespace PostureStream.Protocol.WitMotion;

/// <summary>
/// The 0x50 time packet: YY MM DD hh mm ss msL msH (year 20YY; ms little-endian). It is the sensor's own real-time
/// clock, on models that have one and when it is enabled in the return-content register; it is read as
/// microseconds since 2000-01-01 00:00 of that clock, which is all the signal side needs (steps between packets).
/// </summary>
public static class WitMotionClock
{
    private static readonly DateTime Epoch = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>Microseconds since 2000-01-01 of the sensor clock, or false when the fields are no valid date and time.</summary>
    public static bool TryRead(WitMotionPacket packet, out long microseconds)
    {
        microseconds = 0;
        if (packet.Type != WitMotionPacketType.Time)
        {
            return false;
        }

        Span<byte> d = stackalloc byte[WitMotionLayout.SerialDataLength];
        packet.WriteData(d);
        int millisecond = d[6] | (d[7] << 8);
        if (d[1] is < 1 or > 12 || d[2] < 1 || d[2] > DateTime.DaysInMonth(2000 + d[0], d[1]) || d[3] > 23 || d[4] > 59 || d[5] > 59 || millisecond > 999)
        {
            return false;
        }

        var time = new DateTime(2000 + d[0], d[1], d[2], d[3], d[4], d[5], millisecond, DateTimeKind.Unspecified);
        microseconds = (time - Epoch).Ticks / TimeSpan.TicksPerMicrosecond;
        return true;
    }

    /// <summary>The time packet for <paramref name="microseconds"/> since 2000-01-01 (truncated to the millisecond), for stand-ins.</summary>
    public static WitMotionPacket ToPacket(long microseconds)
    {
        DateTime time = Epoch.AddTicks(microseconds * TimeSpan.TicksPerMicrosecond);
        if (time.Year is < 2000 or > 2255)
        {
            throw new ArgumentOutOfRangeException(nameof(microseconds), "the sensor clock covers the years 2000 to 2255");
        }

        Span<byte> d = [(byte)(time.Year - 2000), (byte)time.Month, (byte)time.Day, (byte)time.Hour, (byte)time.Minute, (byte)time.Second, (byte)time.Millisecond, (byte)(time.Millisecond >> 8)];
        return WitMotionPacket.FromData((byte)WitMotionPacketType.Time, d);
    }
}
