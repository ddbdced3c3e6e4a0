namespace PostureStream.Protocol.WitMotion;

/// <summary>
/// One decoded WitMotion value as a sensor link delivers it: when it arrived and what it says. A WitMotion sensor
/// has no sample counter, so <see cref="ArrivalMicroseconds"/> (the host's <see cref="TimeProvider"/> UTC time when
/// the bytes were read, in µs since the Unix epoch) is the timing the signal side estimates sample times from.
/// Serial sensors send one packet per kind and output period (time, acceleration, angular velocity, angle, …, in that
/// order); a BLE 5.0 notification gives acceleration, angular velocity and angle at once, as three readings with the
/// same arrival time. <see cref="SensorClockMicroseconds"/> is the last 0x50 time packet of the same stream (µs since
/// 2000-01-01 of the sensor's clock) when the sensor sends time packets, else null.
/// </summary>
/// <param name="ArrivalMicroseconds">Host UTC arrival time, µs since 1970-01-01 (from the link's TimeProvider).</param>
/// <param name="Kind">Which value this is; it gives the units of X, Y, Z and W.</param>
/// <param name="X">First axis (roll for an angle, q1 for a quaternion).</param>
/// <param name="Y">Second axis (pitch, q2).</param>
/// <param name="Z">Third axis (yaw, q3).</param>
/// <param name="W">q0 of a quaternion; the packet's fourth word in its own units is not carried, so NaN otherwise.</param>
/// <param name="SensorClockMicroseconds">The sensor's own clock from its time packet, when it sends one.</param>
public readonly record struct WitMotionReading(
    long ArrivalMicroseconds,
    WitMotionReadingKind Kind,
    double X,
    double Y,
    double Z,
    double W,
    long? SensorClockMicroseconds = null)
{
    /// <summary>The reading of a serial packet, or null for a time packet (which only sets the sensor clock).</summary>
    public static WitMotionReading? FromPacket(in WitMotionPacket packet, long arrivalMicroseconds, long? sensorClockMicroseconds)
    {
        WitMotionReadingKind? kind = packet.Type switch
        {
            WitMotionPacketType.Acceleration => WitMotionReadingKind.Acceleration,
            WitMotionPacketType.AngularVelocity => WitMotionReadingKind.AngularVelocity,
            WitMotionPacketType.Angle => WitMotionReadingKind.Angle,
            WitMotionPacketType.Quaternion => WitMotionReadingKind.Quaternion,
            WitMotionPacketType.Time => null,
            _ => null,
        };
        if (kind is not { } k)
        {
            return null;
        }

        if (k == WitMotionReadingKind.Quaternion)
        {
            return new WitMotionReading(arrivalMicroseconds, k, Q(packet.Word1), Q(packet.Word2), Q(packet.Word3), Q(packet.Word0), sensorClockMicroseconds);
        }

        double range = WitMotionScale.RangeOf(packet.Type);
        return new WitMotionReading(
            arrivalMicroseconds,
            k,
            WitMotionScale.ToUnits(packet.Word0, range),
            WitMotionScale.ToUnits(packet.Word1, range),
            WitMotionScale.ToUnits(packet.Word2, range),
            double.NaN,
            sensorClockMicroseconds);
    }

    /// <summary>The three readings of a BLE 5.0 packet: acceleration, angular velocity, angle.</summary>
    public static void FromBlePacket(in WitMotionBlePacket packet, long arrivalMicroseconds, ICollection<WitMotionReading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        readings.Add(Three(arrivalMicroseconds, WitMotionReadingKind.Acceleration, packet.AccelerationX, packet.AccelerationY, packet.AccelerationZ, WitMotionScale.AccelerationG));
        readings.Add(Three(arrivalMicroseconds, WitMotionReadingKind.AngularVelocity, packet.AngularVelocityX, packet.AngularVelocityY, packet.AngularVelocityZ, WitMotionScale.AngularVelocityDegreesPerSecond));
        readings.Add(Three(arrivalMicroseconds, WitMotionReadingKind.Angle, packet.Roll, packet.Pitch, packet.Yaw, WitMotionScale.AngleDegrees));
    }

    private static double Q(short raw) => WitMotionScale.ToUnits(raw, WitMotionScale.Quaternion);

    private static WitMotionReading Three(long arrival, WitMotionReadingKind kind, short x, short y, short z, double range) =>
        new(arrival, kind, WitMotionScale.ToUnits(x, range), WitMotionScale.ToUnits(y, range), WitMotionScale.ToUnits(z, range), double.NaN);
}
