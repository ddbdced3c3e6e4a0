namespace PostureStream.Protocol;

/// <summary>
/// What a <see cref="PspStreamDecoder"/> has seen since it was created. Every error kind of firmware-protocol/SPEC.md
/// has its own counter; subtract two snapshots for the counts of an interval.
/// </summary>
public record struct PspDecoderStats
{
    /// <summary>Frames accepted and handed out.</summary>
    public long Frames;

    /// <summary>Bytes fed.</summary>
    public long Bytes;

    /// <summary>Two delimiters in a row: not an error.</summary>
    public long EmptyFrames;

    public long CobsErrors;
    public long CrcErrors;

    /// <summary>A body shorter than header plus CRC.</summary>
    public long ShortBodies;

    /// <summary>A body over 256 bytes, or a run of bytes too long to be one frame.</summary>
    public long OversizeBodies;

    /// <summary>A payload shorter than its type needs, a SAMPLES count outside 1–16 or a HELLO name over 32 bytes.</summary>
    public long BadLengths;

    public long UnknownVersions;

    /// <summary>Frames of a type this decoder does not know: skipped, for forward compatibility.</summary>
    public long UnknownTypes;

    public long LostDeviceFrames;
    public long LostHostFrames;
    public long DeviceSeqResets;
    public long HostSeqResets;

    /// <summary>Times the decoder threw away bytes and waited for the next delimiter.</summary>
    public long Resyncs;

    /// <summary>Errors other than COBS and CRC, as link_stats reports them.</summary>
    public readonly long OtherErrors => ShortBodies + OversizeBodies + BadLengths + UnknownVersions;

    public readonly long LostFrames => LostDeviceFrames + LostHostFrames;

    public static PspDecoderStats operator -(PspDecoderStats a, PspDecoderStats b) => new()
    {
        Frames = a.Frames - b.Frames,
        Bytes = a.Bytes - b.Bytes,
        EmptyFrames = a.EmptyFrames - b.EmptyFrames,
        CobsErrors = a.CobsErrors - b.CobsErrors,
        CrcErrors = a.CrcErrors - b.CrcErrors,
        ShortBodies = a.ShortBodies - b.ShortBodies,
        OversizeBodies = a.OversizeBodies - b.OversizeBodies,
        BadLengths = a.BadLengths - b.BadLengths,
        UnknownVersions = a.UnknownVersions - b.UnknownVersions,
        UnknownTypes = a.UnknownTypes - b.UnknownTypes,
        LostDeviceFrames = a.LostDeviceFrames - b.LostDeviceFrames,
        LostHostFrames = a.LostHostFrames - b.LostHostFrames,
        DeviceSeqResets = a.DeviceSeqResets - b.DeviceSeqResets,
        HostSeqResets = a.HostSeqResets - b.HostSeqResets,
        Resyncs = a.Resyncs - b.Resyncs,
    };
}
