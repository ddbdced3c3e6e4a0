namespace PostureStream.Protocol;

/// <summary>Sizes and limits of the PSP v1 frame body (firmware-protocol/SPEC.md).</summary>
public static class PspLayout
{
    public const byte Version = 0x01;
    public const int HeaderLength = 4;
    public const int CrcLength = 2;
    public const int MinBodyLength = HeaderLength + CrcLength;
    public const int MaxBodyLength = 256;
    public const int MaxPayloadLength = MaxBodyLength - MinBodyLength;
    public const int SampleLength = 12;
    public const int MaxSamplesPerFrame = 16;
    public const int HelloFixedLength = 15;
    public const int MaxNameLength = 32;

    /// <summary>The longest frame on the wire: a COBS-encoded maximal body and its delimiter.</summary>
    public static readonly int MaxFrameLength = Cobs.MaxEncodedLength(MaxBodyLength) + 1;
}
