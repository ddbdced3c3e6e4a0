namespace PostureStream.Storage.Spool;

/// <summary>What <see cref="SegmentSpool.TryRead"/> returned: records up to an end position, to acknowledge once accepted.</summary>
public readonly record struct SpoolReadResult(long Segment, long EndOffset, int Records, int Lines, int Bytes);
