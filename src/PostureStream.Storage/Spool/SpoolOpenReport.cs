namespace PostureStream.Storage.Spool;

/// <summary>What opening a spool found: pending data from an earlier run and any damage repaired.</summary>
public readonly record struct SpoolOpenReport(int Segments, long PendingRecords, long PendingLines, long TornBytesCut, long CorruptBytesSkipped);
