using System.Buffers.Binary;

namespace PostureStream.Devices.WitMotion;

/// <summary>
/// The capture format for sources without a device clock (WitMotion sensors): their timing is the host's arrival
/// time, so a capture keeps it with the bytes and a replay gives the same readings at the same times.
/// <code>
/// header (16 bytes): "PSTIMED1" (ASCII magic) | framing u8 (0 serial, 1 BLE) | 7 bytes 0
/// records:           arrival i64 LE (µs since 1970-01-01 UTC) | kind u8 (0 data, 1 link lost, 2 link restored) | length u32 LE | bytes
/// </code>
/// A data record is one read (for BLE one notification, whose boundaries matter to the decoder). A record cut
/// short at the end of the file (a crash while writing) is ignored.
/// </summary>
public static class WitMotionCapture
{
    public const int HeaderLength = 16;
    public const int RecordHeaderLength = 13;

    /// <summary>The first 8 bytes of every timed capture.</summary>
    public static ReadOnlySpan<byte> Magic => "PSTIMED1"u8;

    /// <summary>Longest record accepted when reading (a corrupt length would otherwise allocate gigabytes).</summary>
    public const int MaxRecordLength = 1 << 20;

    public static void WriteHeader(Stream stream, WitMotionFraming framing)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> header = stackalloc byte[HeaderLength];
        header.Clear();
        Magic.CopyTo(header);
        header[8] = (byte)framing;
        stream.Write(header);
    }

    public static void WriteRecord(Stream stream, in WitMotionChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> head = stackalloc byte[RecordHeaderLength];
        BinaryPrimitives.WriteInt64LittleEndian(head, chunk.ArrivalMicroseconds);
        head[8] = (byte)chunk.Kind;
        BinaryPrimitives.WriteUInt32LittleEndian(head[9..], (uint)chunk.Bytes.Length);
        stream.Write(head);
        stream.Write(chunk.Bytes.Span);
    }

    /// <summary>True when <paramref name="path"/> starts with the timed-capture magic.</summary>
    public static bool IsTimedCapture(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            Span<byte> magic = stackalloc byte[8];
            return file.ReadAtLeast(magic, 8, throwOnEndOfStream: false) == 8 && magic.SequenceEqual(Magic);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Reads the header; throws <see cref="InvalidDataException"/> naming the problem when it is not a timed capture.</summary>
    public static WitMotionFraming ReadHeader(Stream stream, string path)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> header = stackalloc byte[HeaderLength];
        if (stream.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false) < HeaderLength || !header[..8].SequenceEqual(Magic))
        {
            throw new InvalidDataException($"'{path}' is not a timed capture (it does not start with PSTIMED1); WitMotion sources record with record=FILE");
        }

        return header[8] switch
        {
            0 => WitMotionFraming.Serial,
            1 => WitMotionFraming.Ble,
            byte other => throw new InvalidDataException($"'{path}' has framing {other}; this version reads 0 (serial) and 1 (BLE)"),
        };
    }

    /// <summary>The next record, or null at the end (a torn last record counts as the end).</summary>
    public static async Task<WitMotionChunk?> ReadRecordAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] head = new byte[RecordHeaderLength];
        if (await stream.ReadAtLeastAsync(head, RecordHeaderLength, throwOnEndOfStream: false, cancellationToken) < RecordHeaderLength)
        {
            return null;
        }

        long arrival = BinaryPrimitives.ReadInt64LittleEndian(head);
        var kind = (WitMotionChunkKind)head[8];
        uint length = BinaryPrimitives.ReadUInt32LittleEndian(head.AsSpan(9));
        if (length > MaxRecordLength || kind > WitMotionChunkKind.LinkRestored)
        {
            throw new InvalidDataException($"corrupt timed capture record (kind {head[8]}, length {length})");
        }

        byte[] bytes = new byte[length];
        if (await stream.ReadAtLeastAsync(bytes, (int)length, throwOnEndOfStream: false, cancellationToken) < length)
        {
            return null;
        }

        return new WitMotionChunk(arrival, kind, bytes);
    }
}
