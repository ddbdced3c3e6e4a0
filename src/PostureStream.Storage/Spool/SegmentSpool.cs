using System.Buffers;
using System.Globalization;
using Microsoft.Win32.SafeHandles;
using PostureStream.Storage.Files;

namespace PostureStream.Storage.Spool;

/// <summary>
/// A durable FIFO of line-protocol batches on local disk: append-only segment files
/// (<c>NNNNNNNNNNNN.seg</c>) of records, each with its length, line count and CRC-32C. Records
/// are appended, made durable by <see cref="Sync"/> (fsync), read in order from the
/// acknowledged position, and a segment file is deleted only once every record in it has been
/// acknowledged (accepted by the server). The acknowledged position is kept in the file <c>ack</c>;
/// if it is stale after a crash, some records are sent again, which InfluxDB treats as overwrites
/// (same series and timestamp).
/// <para>
/// On open, a torn tail (a crash in the middle of an append) is cut at the last good record.
/// When an append would take the spool over its size bound it is refused (the caller counts and
/// reports the lost lines); nothing already spooled is ever dropped to make room.
/// </para>
/// <para>
/// Acknowledgement is in order: <see cref="Acknowledge"/> moves the acknowledged position to the
/// end of a read. <see cref="TryPeekAfter"/> reads further without acknowledging, so a crash at any
/// point only ever sends again what was not acknowledged (at least once, never lost).
/// </para>
/// One thread appends and syncs, one reads and acknowledges; the two may run concurrently.
/// A lock file keeps a second process out of the same directory.
/// </summary>
public sealed class SegmentSpool : IDisposable
{
    private const string SegmentExtension = ".seg";
    private const string AckFileName = "ack";
    private const string FormatFileName = "format";

    private readonly Lock _gate = new();
    private readonly string _directory;
    private readonly long _maxBytes;
    private readonly long _segmentBytes;
    private readonly List<Segment> _segments = [];
    private readonly FileStream _lockFile;
    private readonly byte[] _header = new byte[SpoolRecordHeader.Length];
    private readonly byte[] _readHeader = new byte[SpoolRecordHeader.Length];
    private FileStream? _append;
    private bool _forceRoll;
    private long _ackSegment;
    private long _ackOffset;
    private long _appendedRecords;
    private long _ackedRecords;
    private long _backlogLines;
    private long _backlogBytes;
    private long _totalBytes;
    private long _corruptRecords;
    private SafeFileHandle? _readHandle;
    private long _readHandleSegment = -1;

    private SegmentSpool(string directory, long maxBytes, long segmentBytes, FileStream lockFile)
    {
        _directory = directory;
        _maxBytes = maxBytes;
        _segmentBytes = segmentBytes;
        _lockFile = lockFile;
    }

    /// <summary>Records appended (including those pending from an earlier run) since open.</summary>
    public long AppendedRecords => Volatile.Read(ref _appendedRecords);

    /// <summary>Records acknowledged since open.</summary>
    public long AcknowledgedRecords => Volatile.Read(ref _ackedRecords);

    /// <summary>Lines spooled and not yet acknowledged.</summary>
    public long BacklogLines => Volatile.Read(ref _backlogLines);

    /// <summary>Payload bytes spooled and not yet acknowledged.</summary>
    public long BacklogBytes => Volatile.Read(ref _backlogBytes);

    /// <summary>Bytes of segment files on disk (what the size bound counts).</summary>
    public long TotalBytes => Volatile.Read(ref _totalBytes);

    public long MaxBytes => _maxBytes;

    /// <summary>Records found damaged while reading (after open) and skipped.</summary>
    public long CorruptRecords => Volatile.Read(ref _corruptRecords);

    public string Directory => _directory;

    /// <summary>
    /// Opens (or creates) the spool in <paramref name="directory"/>. <paramref name="format"/> names
    /// what the records mean (e.g. the timestamp precision); a spool written with another format is
    /// refused rather than replayed wrongly.
    /// </summary>
    public static SegmentSpool Open(string directory, string format, long maxBytes, long segmentBytes, out SpoolOpenReport report)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(segmentBytes, 1024);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, segmentBytes);
        // Spooled points are health data: the folder is 0700 and every file in it 0600, whatever the umask.
        PrivatePaths.CreateFolder(directory);
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(Path.Combine(directory, "lock"), PrivatePaths.Options(FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e)
        {
            throw new IOException($"the spool directory {directory} is in use by another process", e);
        }

        try
        {
            CheckFormat(directory, format);
            var spool = new SegmentSpool(directory, maxBytes, segmentBytes, lockFile);
            report = spool.Load();
            return spool;
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    /// <summary>Appends one record (not yet durable: call <see cref="Sync"/>). False when the size bound would be exceeded.</summary>
    public bool TryAppend(ReadOnlySpan<byte> payload, int lines)
    {
        ArgumentOutOfRangeException.ThrowIfZero(payload.Length);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lines);
        int size = SpoolRecordHeader.Length + payload.Length;
        lock (_gate)
        {
            if (_totalBytes + size > _maxBytes)
            {
                return false;
            }

            var segment = _segments.Count > 0 ? _segments[^1] : null;
            if (_append is null || segment is null || _forceRoll || (segment.Length > 0 && segment.Length + size > _segmentBytes))
            {
                segment = Roll(segment, size);
            }

            SpoolRecordHeader.Write(_header, payload, lines);
            _append!.Write(_header);
            _append.Write(payload);
            segment.Length += size;
            _totalBytes += size;
            _appendedRecords++;
            _backlogLines += lines;
            _backlogBytes += payload.Length;
            return true;
        }
    }

    /// <summary>Makes every append so far durable (fsync) and visible to <see cref="TryRead"/>.</summary>
    public void Sync()
    {
        FileStream? stream;
        Segment? segment;
        long length;
        lock (_gate)
        {
            stream = _append;
            segment = _segments.Count > 0 ? _segments[^1] : null;
            length = segment?.Length ?? 0;
        }

        stream?.Flush(flushToDisk: true);
        if (segment is not null)
        {
            lock (_gate)
            {
                segment.SyncedLength = Math.Max(segment.SyncedLength, length);
            }
        }
    }

    /// <summary>
    /// Copies the oldest unacknowledged records (at least one, then while under both limits) into
    /// <paramref name="output"/>. False when nothing durable is waiting.
    /// </summary>
    public bool TryRead(int maxLines, int maxBytes, IBufferWriter<byte> output, out SpoolReadResult result)
    {
        result = default;
        while (true)
        {
            Segment segment;
            long offset;
            lock (_gate)
            {
                if (!TryCurrentReadSegment(out segment!))
                {
                    return false;
                }

                offset = _ackOffset;
            }

            if (ReadRecords(segment, offset, maxLines, maxBytes, output, skipDamaged: true, out result))
            {
                return true;
            }

            // Nothing readable here: a corrupt record made the segment end early; go on with the next one, if any.
            lock (_gate)
            {
                if (!segment.Corrupt || _segments.Count < 2)
                {
                    return false;
                }
            }
        }
    }

    /// <summary>
    /// Copies the records that follow <paramref name="previous"/> (a read not yet acknowledged),
    /// with the same limits as <see cref="TryRead"/>, without acknowledging anything: the writer
    /// probes the server with later data while the oldest batch keeps failing. Acknowledgement
    /// stays in order, so a peeked batch is read (and sent) again once it becomes the oldest.
    /// False when nothing durable follows, or a damaged record follows (reading the oldest skips it).
    /// </summary>
    public bool TryPeekAfter(SpoolReadResult previous, int maxLines, int maxBytes, IBufferWriter<byte> output, out SpoolReadResult result)
    {
        result = default;
        Segment segment;
        long offset = previous.EndOffset;
        lock (_gate)
        {
            int index = _segments.FindIndex(s => s.Number == previous.Segment);
            if (index < 0)
            {
                return false;
            }

            segment = _segments[index];
            if (offset >= segment.SyncedLength)
            {
                // The end of this segment: go on in the next one, unless this one is still being appended to.
                if (offset < segment.Length || index + 1 >= _segments.Count)
                {
                    return false;
                }

                segment = _segments[index + 1];
                offset = 0;
            }
        }

        return ReadRecords(segment, offset, maxLines, maxBytes, output, skipDamaged: false, out result);
    }

    /// <summary>
    /// Reads whole records of one segment from <paramref name="offset"/>. A damaged record at the
    /// start is skipped and acknowledged (counted) when <paramref name="skipDamaged"/> (reading the
    /// oldest); otherwise reading stops there.
    /// </summary>
    private bool ReadRecords(Segment segment, long offset, int maxLines, int maxBytes, IBufferWriter<byte> output, bool skipDamaged, out SpoolReadResult result)
    {
        var handle = ReadHandle(segment);
        int records = 0, lines = 0, bytes = 0;
        long synced = Volatile.Read(ref segment.SyncedLength);
        while (offset + SpoolRecordHeader.Length <= synced && lines < maxLines)
        {
            RandomAccess.Read(handle, _readHeader, offset);
            if (!SpoolRecordHeader.TryRead(_readHeader, out int length, out int recordLines, out uint crc) || offset + SpoolRecordHeader.Length + length > synced)
            {
                MarkCorrupt(segment, offset);
                break;
            }

            if (records > 0 && (bytes + length > maxBytes || lines + recordLines > maxLines))
            {
                break;
            }

            var span = output.GetSpan(length)[..length];
            if (RandomAccess.Read(handle, span, offset + SpoolRecordHeader.Length) != length)
            {
                MarkCorrupt(segment, offset);
                break;
            }

            if (SpoolRecordHeader.Checksum(_readHeader.AsSpan(4, 4), span) != crc)
            {
                if (records > 0 || !skipDamaged)
                {
                    break;
                }

                // A damaged record whose header still frames it: skip just that one (counted).
                offset += SpoolRecordHeader.Length + length;
                SkipDamaged(new SpoolReadResult(segment.Number, offset, 1, recordLines, length));
                continue;
            }

            output.Advance(length);
            offset += SpoolRecordHeader.Length + length;
            records++;
            lines += recordLines;
            bytes += length;
        }

        result = records > 0 ? new SpoolReadResult(segment.Number, offset, records, lines, bytes) : default;
        return records > 0;
    }

    /// <summary>Marks everything up to the end of <paramref name="read"/> as accepted; fully acknowledged segments are deleted.</summary>
    public void Acknowledge(SpoolReadResult read)
    {
        lock (_gate)
        {
            if (read.Segment < _ackSegment || (read.Segment == _ackSegment && read.EndOffset <= _ackOffset))
            {
                return;
            }

            _ackSegment = read.Segment;
            _ackOffset = read.EndOffset;
            _ackedRecords += read.Records;
            _backlogLines -= read.Lines;
            _backlogBytes -= read.Bytes;
            TryCurrentReadSegment(out _);
            SaveAck();
        }
    }

    private void SkipDamaged(SpoolReadResult damaged)
    {
        lock (_gate)
        {
            _corruptRecords++;
        }

        Acknowledge(damaged);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _append?.Flush(flushToDisk: true);
            _append?.Dispose();
            _append = null;
            _readHandle?.Dispose();
            _readHandle = null;
            _lockFile.Dispose();
        }
    }

    private static void CheckFormat(string directory, string format)
    {
        string path = Path.Combine(directory, FormatFileName);
        string expected = "posturestream-spool 1 " + format;
        if (File.Exists(path))
        {
            string found = File.ReadAllText(path).Trim();
            if (found != expected && System.IO.Directory.EnumerateFiles(directory, "*" + SegmentExtension).Any())
            {
                throw new InvalidOperationException($"the spool {directory} holds data written as '{found}', not '{expected}': send it with the settings it was written with, or move it away");
            }
        }

        PrivatePaths.WriteText(path, expected + "\n");
    }

    private SpoolOpenReport Load()
    {
        (_ackSegment, _ackOffset) = ReadAck();
        var files = System.IO.Directory.EnumerateFiles(_directory, "*" + SegmentExtension)
            .Select(path => (Path: path, Number: long.TryParse(Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out long n) ? n : -1))
            .Where(f => f.Number >= 0)
            .OrderBy(f => f.Number)
            .ToList();

        long torn = 0, skipped = 0, damaged = 0;
        foreach (var (path, number) in files)
        {
            if (number < _ackSegment)
            {
                File.Delete(path);
                continue;
            }

            var segment = new Segment(number, path);
            bool last = number == files[^1].Number;
            long fileLength = new FileInfo(path).Length;
            long start = number == _ackSegment ? _ackOffset : 0;
            long good = Scan(segment, start, out long records, out long lines, out long bytes, out long damagedRecords);
            damaged += damagedRecords;
            if (good < fileLength)
            {
                if (last)
                {
                    using var truncate = new FileStream(path, FileMode.Open, FileAccess.Write);
                    truncate.SetLength(good);
                    truncate.Flush(flushToDisk: true);
                    torn += fileLength - good;
                }
                else
                {
                    skipped += fileLength - good;
                    segment.Corrupt = true;
                }
            }

            segment.Length = good;
            segment.SyncedLength = good;
            if (number == _ackSegment && _ackOffset > good)
            {
                _ackOffset = good;
            }

            _segments.Add(segment);
            _totalBytes += good;
            _appendedRecords += records;
            _backlogLines += lines;
            _backlogBytes += bytes;
        }

        if (_segments.Count == 0 || _segments[0].Number > _ackSegment)
        {
            _ackSegment = _segments.Count > 0 ? _segments[0].Number : _ackSegment;
            _ackOffset = 0;
        }

        TryCurrentReadSegment(out _);
        return new SpoolOpenReport(_segments.Count, _appendedRecords, _backlogLines, torn, skipped, damaged);
    }

    /// <summary>
    /// Walks the records from the start; counts those at or after <paramref name="pendingFrom"/>
    /// and the damaged ones (CRC mismatch, still framed). Returns the length up to the first record
    /// that is not whole (a torn tail) or whose header makes no sense.
    /// </summary>
    private static long Scan(Segment segment, long pendingFrom, out long records, out long lines, out long bytes, out long damaged)
    {
        records = lines = bytes = damaged = 0;
        using var stream = new FileStream(segment.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        var header = new byte[SpoolRecordHeader.Length];
        var payload = ArrayPool<byte>.Shared.Rent(1 << 16);
        long offset = 0;
        try
        {
            while (true)
            {
                if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length
                    || !SpoolRecordHeader.TryRead(header, out int length, out int recordLines, out uint crc))
                {
                    return offset;
                }

                if (payload.Length < length)
                {
                    ArrayPool<byte>.Shared.Return(payload);
                    payload = ArrayPool<byte>.Shared.Rent(length);
                }

                if (stream.ReadAtLeast(payload.AsSpan(0, length), length, throwOnEndOfStream: false) < length)
                {
                    return offset;
                }

                if (SpoolRecordHeader.Checksum(header.AsSpan(4, 4), payload.AsSpan(0, length)) != crc)
                {
                    // Damaged but framed: keep going; reading skips (and counts) this one record.
                    damaged++;
                }

                if (offset >= pendingFrom)
                {
                    records++;
                    lines += recordLines;
                    bytes += length;
                }

                offset += SpoolRecordHeader.Length + length;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(payload);
        }
    }

    private (long Segment, long Offset) ReadAck()
    {
        string path = Path.Combine(_directory, AckFileName);
        if (!File.Exists(path))
        {
            return (0, 0);
        }

        var parts = File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long segment)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long offset)
            ? (segment, offset)
            : (0, 0);
    }

    private void SaveAck()
    {
        string path = Path.Combine(_directory, AckFileName);
        string temporary = path + ".tmp";
        PrivatePaths.WriteText(temporary, string.Create(CultureInfo.InvariantCulture, $"{_ackSegment} {_ackOffset}\n"));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Moves the acknowledged position past fully acknowledged segments (deleting them); the segment to read next.</summary>
    private bool TryCurrentReadSegment(out Segment? segment)
    {
        while (_segments.Count > 0)
        {
            var first = _segments[0];
            if (first.Number < _ackSegment || (_segments.Count > 1 && _ackOffset >= first.Length && first.Number == _ackSegment))
            {
                DeleteFirstSegment();
                if (_segments.Count > 0)
                {
                    _ackSegment = _segments[0].Number;
                    _ackOffset = 0;
                    SaveAck();
                }

                continue;
            }

            segment = first;
            return _ackOffset < first.SyncedLength;
        }

        segment = null;
        return false;
    }

    private void DeleteFirstSegment()
    {
        var first = _segments[0];
        _segments.RemoveAt(0);
        if (_readHandleSegment == first.Number)
        {
            _readHandle?.Dispose();
            _readHandle = null;
            _readHandleSegment = -1;
        }

        File.Delete(first.Path);
        _totalBytes -= first.Length;
    }

    /// <summary>Opens the segment to append to: the last one again after open if it has room, else a new one.</summary>
    private Segment Roll(Segment? last, int size)
    {
        bool reopen = _append is null && last is not null && !last.Corrupt && !_forceRoll && last.Length + size <= _segmentBytes;
        if (_append is not null)
        {
            _append.Flush(flushToDisk: true);
            _append.Dispose();
            _append = null;
            if (last is not null)
            {
                last.SyncedLength = last.Length;
            }
        }

        _forceRoll = false;
        if (reopen)
        {
            _append = new FileStream(last!.Path, FileMode.Open, FileAccess.Write, FileShare.Read, 1 << 16);
            _append.Seek(last.Length, SeekOrigin.Begin);
            return last;
        }

        long number = last is null ? _ackSegment : last.Number + 1;
        var segment = new Segment(number, Path.Combine(_directory, number.ToString("D12", CultureInfo.InvariantCulture) + SegmentExtension));
        _append = new FileStream(segment.Path, PrivatePaths.Options(FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16));
        _segments.Add(segment);
        return segment;
    }

    private void MarkCorrupt(Segment segment, long offset)
    {
        lock (_gate)
        {
            _corruptRecords++;
            segment.Corrupt = true;
            segment.SyncedLength = offset;
            if (segment.Length > offset)
            {
                _forceRoll = ReferenceEquals(segment, _segments[^1]);
            }

            segment.Length = offset;
        }
    }

    private SafeFileHandle ReadHandle(Segment segment)
    {
        lock (_gate)
        {
            if (_readHandleSegment != segment.Number || _readHandle is null)
            {
                _readHandle?.Dispose();
                _readHandle = File.OpenHandle(segment.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                _readHandleSegment = segment.Number;
            }

            return _readHandle;
        }
    }

    private sealed class Segment(long number, string path)
    {
        public long Number { get; } = number;

        public string Path { get; } = path;

        public long Length;

        public long SyncedLength;

        public bool Corrupt;
    }
}
