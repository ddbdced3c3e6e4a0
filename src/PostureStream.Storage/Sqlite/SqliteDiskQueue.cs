using System.Buffers;
using PostureStream.Storage.Spool;

namespace PostureStream.Storage.Sqlite;

/// <summary>
/// Where a <see cref="SqliteStore"/> that is behind puts the points of live sources: rows in the
/// byte form of <see cref="SqliteRowCodec"/>, gathered into records of up to
/// <c>rowsPerRecord</c> rows and appended to a <see cref="SegmentSpool"/> (CRC per record, fsync
/// per record). A record becomes durable and readable when it is sealed: when full, on each tick
/// of the store's flush timer, and at close. What is sealed survives a crash and is read again,
/// in order, when the store is next opened.
/// </summary>
/// <remarks>Writers add under one lock; the store's commit thread reads and acknowledges.</remarks>
internal sealed class SqliteDiskQueue : IDisposable
{
    private const string Format = "sqlite-rows 1";
    private const int RecordHeaderBytes = 12;
    private const int MaxReadBytes = 16 << 20;

    private readonly Lock _appendGate = new();
    private readonly SegmentSpool _spool;
    private readonly ArrayBufferWriter<byte> _pending = new(64 * 1024);
    private readonly ArrayBufferWriter<byte> _read = new(64 * 1024);
    private readonly int _rowsPerRecord;
    private int _pendingRows;

    private SqliteDiskQueue(SegmentSpool spool, int rowsPerRecord)
    {
        _spool = spool;
        _rowsPerRecord = rowsPerRecord;
    }

    public string Directory => _spool.Directory;

    /// <summary>Rows waiting: sealed and not yet acknowledged, plus those still gathering.</summary>
    public long Backlog => _spool.BacklogLines + Volatile.Read(ref _pendingRows);

    /// <summary>Bytes on disk (what the bound counts).</summary>
    public long Bytes => _spool.TotalBytes;

    public long MaxBytes => _spool.MaxBytes;

    /// <summary>The last error appending to or syncing the queue's files, or null.</summary>
    public string? LastWriteError { get; private set; }

    /// <summary>True when a queue directory holds segment files (data an earlier run left).</summary>
    public static bool HasData(string directory) =>
        System.IO.Directory.Exists(directory) && System.IO.Directory.EnumerateFiles(directory, "*.seg").Any();

    /// <exception cref="IOException">The directory cannot be created, or another process uses it.</exception>
    public static SqliteDiskQueue Open(string directory, long maxBytes, int rowsPerRecord, out SpoolOpenReport report)
    {
        // Segments of a quarter of the bound (at most 16 MiB), so acknowledged ones are deleted early.
        long segmentBytes = Math.Clamp(maxBytes / 4, 1024, 16L << 20);
        var spool = SegmentSpool.Open(directory, Format, maxBytes, segmentBytes, out report);
        return new SqliteDiskQueue(spool, rowsPerRecord);
    }

    /// <summary>
    /// Adds a row. Returns how many rows were lost doing it: 0 when it was kept, 1 when the queue
    /// is full, more when sealing a full record failed (a disk error: its rows are gone).
    /// </summary>
    public int TryAdd(in SqliteRow row)
    {
        lock (_appendGate)
        {
            // The gathered rows count with their record header, so sealing them always fits the bound.
            long needed = _spool.TotalBytes + RecordHeaderBytes + _pending.WrittenCount + SqliteRowCodec.MaxSize(in row);
            return needed > _spool.MaxBytes ? 1 : AddLocked(in row);
        }
    }

    /// <summary>Makes the gathered rows a durable, readable record. Returns the rows lost to a disk error.</summary>
    public int Seal()
    {
        lock (_appendGate)
        {
            return SealLocked();
        }
    }

    /// <summary>Decodes the oldest sealed rows (at least one record, about <paramref name="maxRows"/>) into <paramref name="rows"/>.</summary>
    /// <exception cref="InvalidDataException">A record passed its CRC but does not hold rows (acknowledge it to skip it).</exception>
    public bool TryTake(List<SqliteRow> rows, int maxRows, out SpoolReadResult read)
    {
        _read.ResetWrittenCount();
        if (!_spool.TryRead(maxRows, MaxReadBytes, _read, out read))
        {
            return false;
        }

        SqliteRowCodec.DecodeAll(_read.WrittenSpan, rows);
        return true;
    }

    /// <summary>The rows of <paramref name="read"/> are stored: forget them (whole segments are deleted).</summary>
    public void Acknowledge(SpoolReadResult read) => _spool.Acknowledge(read);

    /// <summary>Seals what is gathered and closes the files; sealed rows wait for the next open.</summary>
    public int Close()
    {
        lock (_appendGate)
        {
            int lost = SealLocked();
            _spool.Dispose();
            return lost;
        }
    }

    public void Dispose() => Close();

    private int AddLocked(in SqliteRow row)
    {
        SqliteRowCodec.Encode(in row, _pending);
        Volatile.Write(ref _pendingRows, _pendingRows + 1);
        return _pendingRows >= _rowsPerRecord ? SealLocked() : 0;
    }

    private int SealLocked()
    {
        int rows = _pendingRows;
        if (rows == 0)
        {
            return 0;
        }

        int lost = 0;
        try
        {
            if (!_spool.TryAppend(_pending.WrittenSpan, rows))
            {
                // Not expected: adding checks the bound first.
                lost = rows;
            }

            _spool.Sync();
        }
        catch (IOException e)
        {
            // Disk full or failing: the record may be torn; the spool cuts a torn tail on the next open.
            LastWriteError = e.Message;
            lost = rows;
        }

        _pending.ResetWrittenCount();
        Volatile.Write(ref _pendingRows, 0);
        return lost;
    }
}
