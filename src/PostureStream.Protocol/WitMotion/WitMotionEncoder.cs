namespace PostureStream.Protocol.WitMotion;

/// <summary>Writes WitMotion packets as a sensor sends them: for stand-ins, simulators and tests.</summary>
public static class WitMotionEncoder
{
    /// <summary>Writes the 11-byte serial packet (header, type, data, checksum) into <paramref name="destination"/>.</summary>
    public static void WriteSerial(in WitMotionPacket packet, Span<byte> destination)
    {
        destination[0] = WitMotionLayout.Header;
        destination[1] = packet.TypeByte;
        packet.WriteData(destination.Slice(2, WitMotionLayout.SerialDataLength));
        destination[WitMotionLayout.SerialPacketLength - 1] = WitMotionLayout.Checksum(destination);
    }

    public static byte[] EncodeSerial(in WitMotionPacket packet)
    {
        byte[] bytes = new byte[WitMotionLayout.SerialPacketLength];
        WriteSerial(packet, bytes);
        return bytes;
    }

    public static byte[] EncodeBle(in WitMotionBlePacket packet)
    {
        byte[] bytes = new byte[WitMotionLayout.BlePacketLength];
        packet.Write(bytes);
        return bytes;
    }

    /// <summary>An angle packet from degrees (the fourth word, version or temperature, as given).</summary>
    public static WitMotionPacket Angle(double rollDegrees, double pitchDegrees, double yawDegrees, short fourth = 0) =>
        Scaled(WitMotionPacketType.Angle, rollDegrees, pitchDegrees, yawDegrees, WitMotionScale.AngleDegrees, fourth);

    /// <summary>An acceleration packet from g (the fourth word, temperature, as given).</summary>
    public static WitMotionPacket Acceleration(double xG, double yG, double zG, short fourth = 0) =>
        Scaled(WitMotionPacketType.Acceleration, xG, yG, zG, WitMotionScale.AccelerationG, fourth);

    /// <summary>An angular velocity packet from degrees per second (the fourth word, voltage, as given).</summary>
    public static WitMotionPacket AngularVelocity(double xDegreesPerSecond, double yDegreesPerSecond, double zDegreesPerSecond, short fourth = 0) =>
        Scaled(WitMotionPacketType.AngularVelocity, xDegreesPerSecond, yDegreesPerSecond, zDegreesPerSecond, WitMotionScale.AngularVelocityDegreesPerSecond, fourth);

    /// <summary>A quaternion packet, q0 (the scalar part) first, as the sensor sends it.</summary>
    public static WitMotionPacket Quaternion(double w, double x, double y, double z) => new(
        WitMotionPacketType.Quaternion,
        WitMotionScale.ToRaw(w, WitMotionScale.Quaternion),
        WitMotionScale.ToRaw(x, WitMotionScale.Quaternion),
        WitMotionScale.ToRaw(y, WitMotionScale.Quaternion),
        WitMotionScale.ToRaw(z, WitMotionScale.Quaternion));

    /// <summary>A three-axis packet from physical values at the given full scale, with its fourth word as given.</summary>
    private static WitMotionPacket Scaled(WitMotionPacketType type, double x, double y, double z, double fullScale, short fourth) =>
        new(type, WitMotionScale.ToRaw(x, fullScale), WitMotionScale.ToRaw(y, fullScale), WitMotionScale.ToRaw(z, fullScale), fourth);
}
