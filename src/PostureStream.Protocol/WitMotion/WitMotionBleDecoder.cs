namespace PostureStream.Protocol.WitMotion;

/// <summary>
/// Reads BLE 5.0 notifications of a WT901BLECL. Each notification holds whole 20-byte packets (BlueZ hands a
/// notification's value over whole); with no checksum or counter in the packet, the checks are its shape (length,
/// 0x55 header, 0x61 flag) and its plausibility: the pitch of a Z-Y-X Euler angle never leaves ±90°, and a sensor
/// that is worn always feels gravity, so an acceleration below 0.05 g (an all-zero packet from a sensor that has not
/// started, or garbage) is refused. Never throws; counts every reject in <see cref="Stats"/>.
/// </summary>
public sealed class WitMotionBleDecoder
{
    /// <summary>Pitch beyond this (degrees) is refused; half a degree over 90° allows for rounding in the sensor.</summary>
    public const double MaxPitchDegrees = 90.5;

    /// <summary>An acceleration magnitude below this (g) is refused.</summary>
    public const double MinAccelerationG = 0.05;

    private WitMotionBleStats _stats;

    public WitMotionBleStats Stats => _stats;

    /// <summary>
    /// Reads one notification and adds its accepted packets to <paramref name="packets"/>; returns how many were added.
    /// A notification that is no whole number of packets is refused as a whole.
    /// </summary>
    public int Decode(ReadOnlySpan<byte> notification, ICollection<WitMotionBlePacket> packets)
    {
        ArgumentNullException.ThrowIfNull(packets);
        _stats.Notifications++;
        if (notification.IsEmpty || notification.Length % WitMotionLayout.BlePacketLength != 0)
        {
            _stats.BadLengths++;
            return 0;
        }

        int added = 0;
        for (; !notification.IsEmpty; notification = notification[WitMotionLayout.BlePacketLength..])
        {
            if (Accept(notification[..WitMotionLayout.BlePacketLength]) is { } packet)
            {
                packets.Add(packet);
                added++;
            }
        }

        return added;
    }

    private WitMotionBlePacket? Accept(ReadOnlySpan<byte> raw)
    {
        if (raw[0] != WitMotionLayout.Header)
        {
            _stats.BadHeaders++;
            return null;
        }

        if (raw[1] == WitMotionLayout.BleRegisterFlag)
        {
            _stats.RegisterReplies++;
            return null;
        }

        if (raw[1] != WitMotionLayout.BleDataFlag)
        {
            _stats.UnknownFlags++;
            return null;
        }

        WitMotionBlePacket packet = WitMotionBlePacket.Read(raw);
        if (!IsPlausible(packet))
        {
            _stats.Implausible++;
            return null;
        }

        _stats.Packets++;
        return packet;
    }

    /// <summary>The decoder's plausibility rule, for tests and encoders.</summary>
    public static bool IsPlausible(in WitMotionBlePacket packet)
    {
        double pitch = WitMotionScale.ToUnits(packet.Pitch, WitMotionScale.AngleDegrees);
        double ax = WitMotionScale.ToUnits(packet.AccelerationX, WitMotionScale.AccelerationG);
        double ay = WitMotionScale.ToUnits(packet.AccelerationY, WitMotionScale.AccelerationG);
        double az = WitMotionScale.ToUnits(packet.AccelerationZ, WitMotionScale.AccelerationG);
        return Math.Abs(pitch) <= MaxPitchDegrees && Math.Sqrt((ax * ax) + (ay * ay) + (az * az)) >= MinAccelerationG;
    }
}
