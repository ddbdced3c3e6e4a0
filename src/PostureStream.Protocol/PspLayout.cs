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

    /// <summary>RAW: count, imu_mask, accel_fs_g, gyro_fs_dps (u16) before the samples.</summary>
    public const int RawHeaderLength = 5;

    /// <summary>RAW: tick (u32) and 2 × 6 i16 readings.</summary>
    public const int RawSampleLength = 28;
    public const int MaxRawSamplesPerFrame = 8;
    public const int MaxNameLength = 32;

    /// <summary>The longest frame on the wire: a COBS-encoded maximal body and its delimiter.</summary>
    public static readonly int MaxFrameLength = Cobs.MaxEncodedLength(MaxBodyLength) + 1;
}
