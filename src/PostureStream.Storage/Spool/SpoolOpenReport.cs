namespace PostureStream.Storage.Spool;

/// <summary>What opening a spool found: pending data from an earlier run and any damage.</summary>
/// <param name="Segments">Segment files kept.</param>
/// <param name="PendingRecords">Records not yet acknowledged (to be sent), damaged ones included.</param>
/// <param name="PendingLines">Lines in those records.</param>
/// <param name="TornBytesCut">Bytes of an incomplete record cut from the end of the last segment.</param>
/// <param name="CorruptBytesSkipped">Bytes after a senseless header in an older segment, ignored.</param>
/// <param name="DamagedRecords">Whole records whose CRC fails; they are skipped when read.</param>
public readonly record struct SpoolOpenReport(int Segments, long PendingRecords, long PendingLines, long TornBytesCut, long CorruptBytesSkipped, long DamagedRecords);
