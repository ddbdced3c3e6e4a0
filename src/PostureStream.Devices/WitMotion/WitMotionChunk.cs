namespace PostureStream.Devices.WitMotion;

/// <summary>What a WitMotion byte source yields: bytes with their arrival time, or the link going or coming back.</summary>
public enum WitMotionChunkKind : byte
{
    /// <summary>Bytes as one read returned them (for BLE: one notification).</summary>
    Data = 0,

    /// <summary>The link was lost; a partial packet before it must be forgotten.</summary>
    LinkLost = 1,

    /// <summary>The link is back after a loss.</summary>
    LinkRestored = 2,
}

/// <summary>One read of a sensor link: when it arrived (host UTC, µs since the Unix epoch) and what it was.</summary>
public readonly record struct WitMotionChunk(long ArrivalMicroseconds, WitMotionChunkKind Kind, ReadOnlyMemory<byte> Bytes)
{
    public static long Now(TimeProvider time) => Microseconds(time.GetUtcNow());

    /// <summary>A UTC time as this record's arrival: µs since the Unix epoch.</summary>
    public static long Microseconds(DateTimeOffset utc) => (utc - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond;
}
