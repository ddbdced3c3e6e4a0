namespace PostureStream.Storage.LineProtocol;

/// <summary>The unit of line-protocol timestamps. Times are truncated (floored) to it.</summary>
public enum TimestampPrecision
{
    Nanoseconds,
    Microseconds,
    Milliseconds,
    Seconds,
}
