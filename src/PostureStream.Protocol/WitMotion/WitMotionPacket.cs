using System.Buffers.Binary;

namespace PostureStream.Protocol.WitMotion;

/// <summary>
/// One serial packet's payload: its type and its 8 data bytes read as four int16 little-endian words
/// (<see cref="Word0"/>..<see cref="Word3"/>), in the units of <see cref="Type"/>. The raw type byte is kept so an
/// encoder can also write types this project does not read.
/// </summary>
public readonly record struct WitMotionPacket(byte TypeByte, short Word0, short Word1, short Word2, short Word3)
{
    public WitMotionPacket(WitMotionPacketType type, short word0, short word1, short word2, short word3)
        : this((byte)type, word0, word1, word2, word3)
    {
    }

    public WitMotionPacketType Type => (WitMotionPacketType)TypeByte;

    /// <summary>Reads the type and data of a whole 11-byte packet (the checksum is the caller's business).</summary>
    public static WitMotionPacket Read(ReadOnlySpan<byte> packet) => new(
        packet[1],
        BinaryPrimitives.ReadInt16LittleEndian(packet[2..]),
        BinaryPrimitives.ReadInt16LittleEndian(packet[4..]),
        BinaryPrimitives.ReadInt16LittleEndian(packet[6..]),
        BinaryPrimitives.ReadInt16LittleEndian(packet[8..]));

    /// <summary>The 8 data bytes, for the time packet whose fields are bytes.</summary>
    public void WriteData(Span<byte> data)
    {
        BinaryPrimitives.WriteInt16LittleEndian(data, Word0);
        BinaryPrimitives.WriteInt16LittleEndian(data[2..], Word1);
        BinaryPrimitives.WriteInt16LittleEndian(data[4..], Word2);
        BinaryPrimitives.WriteInt16LittleEndian(data[6..], Word3);
    }

    /// <summary>A packet from its 8 data bytes (e.g. a time packet built byte by byte).</summary>
    public static WitMotionPacket FromData(byte type, ReadOnlySpan<byte> data)
    {
        Span<byte> packet = stackalloc byte[WitMotionLayout.SerialPacketLength];
        packet[1] = type;
        data[..WitMotionLayout.SerialDataLength].CopyTo(packet[2..]);
        return Read(packet);
    }
}
