using System.Buffers.Binary;

namespace PostureStream.Protocol.WitMotion;

/// <summary>
/// The default BLE 5.0 packet (WT901BLECL datasheet, "data packet (default)"): 0x55 0x61 then nine int16 LE —
/// acceleration x y z (/32768 × 16 g), angular velocity x y z (/32768 × 2000 °/s), angle roll pitch yaw
/// (/32768 × 180°). It has no checksum and no counter.
/// </summary>
public readonly record struct WitMotionBlePacket(
    short AccelerationX, short AccelerationY, short AccelerationZ,
    short AngularVelocityX, short AngularVelocityY, short AngularVelocityZ,
    short Roll, short Pitch, short Yaw)
{
    public static WitMotionBlePacket Read(ReadOnlySpan<byte> packet)
    {
        return new(At(packet, 0), At(packet, 1), At(packet, 2), At(packet, 3), At(packet, 4), At(packet, 5), At(packet, 6), At(packet, 7), At(packet, 8));
    }

    private static short At(ReadOnlySpan<byte> packet, int word) => BinaryPrimitives.ReadInt16LittleEndian(packet[(2 + (2 * word))..]);

    public void Write(Span<byte> packet)
    {
        packet[0] = WitMotionLayout.Header;
        packet[1] = WitMotionLayout.BleDataFlag;
        short[] words = [AccelerationX, AccelerationY, AccelerationZ, AngularVelocityX, AngularVelocityY, AngularVelocityZ, Roll, Pitch, Yaw];
        for (int i = 0; i < words.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(packet[(2 + (2 * i))..], words[i]);
        }
    }
}
