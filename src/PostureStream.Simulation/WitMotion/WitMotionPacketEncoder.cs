using PostureStream.Protocol.WitMotion;
using ProtocolPacket = PostureStream.Protocol.WitMotion.WitMotionPacket;

namespace PostureStream.Simulation.WitMotion;

/// <summary>How a simulated sensor's samples go on the wire.</summary>
public enum WitMotionWireFormat
{
    /// <summary>
    /// Serial/SPP: per sample the 0x51, 0x52 and 0x53 packets (and 0x59 when quaternions are on), 11 bytes each,
    /// after the 0x50 time packet when the sensor sends its clock.
    /// </summary>
    Serial,

    /// <summary>BLE 5.0: per sample one 20-byte 0x55 0x61 notification.</summary>
    Ble,
}

/// <summary>What reaches the host at one instant: the bytes of every sample that arrives then (one burst).</summary>
/// <param name="ArrivalMicroseconds">When the host receives them, µs from the scenario's start (the model's clock).</param>
/// <param name="Notifications">The burst: one chunk per BLE notification, or one chunk of serial bytes.</param>
public sealed record WitMotionBurst(SensorPlacement Placement, long ArrivalMicroseconds, IReadOnlyList<byte[]> Notifications);

/// <summary>
/// Turns the measurement model's readings (<see cref="WitMotionSensorModel"/>) into the bytes a real sensor would
/// send (Protocol's WitMotion encoder), grouped into bursts by arrival time. Lost and disconnected samples send
/// nothing: the host sees the gap, as it would with a real sensor.
/// </summary>
public static class WitMotionPacketEncoder
{
    public static IEnumerable<WitMotionBurst> Bursts(WitMotionSensorModel model, WitMotionWireFormat format, bool quaternion = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        long? arrival = null;
        var pending = new List<byte[]>();
        foreach (WitMotionReading reading in model.Readings())
        {
            if (!reading.IsDelivered)
            {
                continue;
            }

            if (arrival is { } at && at != reading.ArrivalTimeMicroseconds)
            {
                yield return Burst(model.Placement, at, pending, format);
                pending = [];
            }

            arrival = reading.ArrivalTimeMicroseconds;
            pending.Add(format == WitMotionWireFormat.Ble ? Ble(reading) : Serial(reading, quaternion, clockWithoutDate: !model.ClockSet));
        }

        if (arrival is { } last)
        {
            yield return Burst(model.Placement, last, pending, format);
        }
    }

    /// <summary>Both sensors' bursts in arrival order (lumbar first on a tie): how the host sees two sensors at once.</summary>
    public static IEnumerable<WitMotionBurst> Merge(IEnumerable<WitMotionBurst> lumbar, IEnumerable<WitMotionBurst> pelvis)
    {
        ArgumentNullException.ThrowIfNull(lumbar);
        ArgumentNullException.ThrowIfNull(pelvis);
        using IEnumerator<WitMotionBurst> a = lumbar.GetEnumerator();
        using IEnumerator<WitMotionBurst> b = pelvis.GetEnumerator();
        bool hasA = a.MoveNext(), hasB = b.MoveNext();
        while (hasA || hasB)
        {
            if (hasA && (!hasB || a.Current.ArrivalMicroseconds <= b.Current.ArrivalMicroseconds))
            {
                yield return a.Current;
                hasA = a.MoveNext();
            }
            else
            {
                yield return b.Current;
                hasB = b.MoveNext();
            }
        }
    }

    /// <summary>One sample's serial packets, in the sensor's order: time (when it sends its clock), acceleration, angular velocity, angle, quaternion.</summary>
    /// <param name="reading">The sample.</param>
    /// <param name="quaternion">Whether the quaternion packet is on.</param>
    /// <param name="clockWithoutDate">The time packet carries zeros for the date (a clock never set).</param>
    public static byte[] Serial(in WitMotionReading reading, bool quaternion, bool clockWithoutDate = false)
    {
        var bytes = new List<byte>(55);
        if (reading.SensorClockMicroseconds is { } clock)
        {
            bytes.AddRange(WitMotionEncoder.EncodeSerial(WitMotionClock.ToPacket(clock, clockWithoutDate)));
        }

        bytes.AddRange(WitMotionEncoder.EncodeSerial(new ProtocolPacket(WitMotionPacketType.Acceleration, reading.Acceleration.X, reading.Acceleration.Y, reading.Acceleration.Z, 0)));
        bytes.AddRange(WitMotionEncoder.EncodeSerial(new ProtocolPacket(WitMotionPacketType.AngularVelocity, reading.AngularVelocity.X, reading.AngularVelocity.Y, reading.AngularVelocity.Z, 0)));
        bytes.AddRange(WitMotionEncoder.EncodeSerial(new ProtocolPacket(WitMotionPacketType.Angle, reading.Angle.X, reading.Angle.Y, reading.Angle.Z, 0)));
        if (quaternion)
        {
            bytes.AddRange(WitMotionEncoder.EncodeSerial(new ProtocolPacket(WitMotionPacketType.Quaternion, reading.Quaternion.W, reading.Quaternion.X, reading.Quaternion.Y, reading.Quaternion.Z)));
        }

        return [.. bytes];
    }

    public static byte[] Ble(in WitMotionReading reading) => WitMotionEncoder.EncodeBle(new WitMotionBlePacket(
        reading.Acceleration.X, reading.Acceleration.Y, reading.Acceleration.Z,
        reading.AngularVelocity.X, reading.AngularVelocity.Y, reading.AngularVelocity.Z,
        reading.Angle.X, reading.Angle.Y, reading.Angle.Z));

    private static WitMotionBurst Burst(SensorPlacement placement, long arrival, List<byte[]> pending, WitMotionWireFormat format) =>
        new(placement, arrival, format == WitMotionWireFormat.Ble ? pending : [pending.SelectMany(p => p).ToArray()]);
}
