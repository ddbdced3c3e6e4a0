using PostureStream.Storage.Points;

namespace PostureStream.Storage.Sqlite;

/// <summary>
/// A point waiting in the memory queue: a <c>posture</c> point as its record (the steady stream,
/// so nothing is allocated for it), any other point as its <see cref="SqliteRow"/>.
/// </summary>
internal readonly struct SqliteQueuedPoint
{
    private readonly PostureRecord _posture;
    private readonly SqliteRow _row;

    public SqliteQueuedPoint(in PostureRecord posture) => _posture = posture;

    public SqliteQueuedPoint(in SqliteRow row) => _row = row;

    /// <summary>The point's time in nanoseconds since the Unix epoch (UTC).</summary>
    public long UnixNanoseconds => _row.Measurement is null ? SqliteRowMapper.ToUnixNanoseconds(_posture.TimeUtc) : _row.UnixNanoseconds;

    /// <summary>Writes the point in the writer's open transaction.</summary>
    public void WriteTo(SqliteRowWriter writer)
    {
        if (_row.Measurement is null)
        {
            writer.Write(in _posture);
        }
        else
        {
            writer.Write(in _row);
        }
    }

    /// <summary>The row form, for the disk queue.</summary>
    public SqliteRow ToRow() => _row.Measurement is null ? SqliteRowMapper.Map(in _posture) : _row;
}
