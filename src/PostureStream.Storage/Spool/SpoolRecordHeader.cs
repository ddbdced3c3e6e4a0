using System.Buffers.Binary;

namespace PostureStream.Storage.Spool;

/// <summary>
/// The 12 bytes before each spool record: payload length (u32 LE), line count (u32 LE) and the
/// CRC-32C (u32 LE) of the line count bytes followed by the payload.
/// </summary>
internal static class SpoolRecordHeader
{
    public const int Length = 12;

    /// <summary>Records larger than this are treated as corrupt (a batch is far smaller).</summary>
    public const int MaxPayloadLength = 256 * 1024 * 1024;

    public static void Write(Span<byte> header, ReadOnlySpan<byte> payload, int lines)
    {
        BinaryPrimitives.WriteInt32LittleEndian(header, payload.Length);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], lines);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], Checksum(header[4..8], payload));
    }

    public static bool TryRead(ReadOnlySpan<byte> header, out int payloadLength, out int lines, out uint crc)
    {
        payloadLength = BinaryPrimitives.ReadInt32LittleEndian(header);
        lines = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
        crc = BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
        return payloadLength > 0 && payloadLength <= MaxPayloadLength && lines > 0;
    }

    public static uint Checksum(ReadOnlySpan<byte> lineCountBytes, ReadOnlySpan<byte> payload) =>
        Crc32C.Append(Crc32C.Compute(lineCountBytes), payload);
}
