namespace PostureStream.Protocol;

/// <summary>Why a delimited block was not handed out as a frame.</summary>
public enum PspFrameError
{
    None = 0,
    Empty,
    Cobs,
    ShortBody,
    OversizeBody,
    Crc,
    UnknownVersion,
    UnknownType,
    BadLength,
}
