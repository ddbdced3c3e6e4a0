namespace PostureStream.Protocol.WitMotion;

/// <summary>
/// What a <see cref="WitMotionSerialDecoder"/> has seen since it was created; subtract two snapshots for an interval
/// (as <see cref="PspDecoderStats"/>).
/// </summary>
public record struct WitMotionDecoderStats
{
    /// <summary>Packets of a read type (<see cref="WitMotionPacketTypes.IsRead"/>) with a good checksum, handed out.</summary>
    public long Packets;

    /// <summary>Bytes fed.</summary>
    public long Bytes;

    /// <summary>Packets whose checksum was wrong.</summary>
    public long ChecksumErrors;

    /// <summary>Good packets of a type this project does not read (magnetic field, pressure, GPS, …): skipped.</summary>
    public long SkippedTypes;

    /// <summary>Bytes thrown away while looking for the next packet start (garbage, a torn packet, a bad one's bytes).</summary>
    public long DiscardedBytes;

    /// <summary>Times the decoder lost step and had to look for the next 0x55.</summary>
    public long Resyncs;

    public static WitMotionDecoderStats operator -(WitMotionDecoderStats a, WitMotionDecoderStats b) => new()
    {
        Packets = a.Packets - b.Packets,
        Bytes = a.Bytes - b.Bytes,
        ChecksumErrors = a.ChecksumErrors - b.ChecksumErrors,
        SkippedTypes = a.SkippedTypes - b.SkippedTypes,
        DiscardedBytes = a.DiscardedBytes - b.DiscardedBytes,
        Resyncs = a.Resyncs - b.Resyncs,
    };
}
