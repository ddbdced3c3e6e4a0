using System.Runtime.InteropServices;
using PostureStream.Storage.LineProtocol;
using PostureStream.Storage.Points;
using PostureStream.Storage.Schema;
using SQLitePCL;

namespace PostureStream.Storage.Sqlite;

/// <summary>
/// Writes rows inside one transaction with prepared statements bound through the raw SQLite API
/// (<see cref="SqliteRaw"/>): typed records through <see cref="SqliteFieldBinder"/> (no boxing, no
/// allocation per row once each series is known) and disk-queue rows from their decoded values.
/// Resolves each point's series to its id in the <c>series</c> table (cached per
/// <see cref="DeviceSeries"/>), and at commit moves each touched series' <c>last_ns</c> forward.
/// Used by the commit thread only.
/// </summary>
internal sealed class SqliteRowWriter : IDisposable
{
    private readonly sqlite3_stmt[] _upserts;
    private readonly sqlite3_stmt _addSeries;
    private readonly sqlite3_stmt _findSeries;
    private readonly sqlite3_stmt _touchSeries;
    private readonly sqlite3_stmt _begin;
    private readonly sqlite3_stmt _commit;
    private readonly sqlite3_stmt _rollback;

    // Series ids known to be committed; cleared when a transaction rolls back or retention deletes series.
    private readonly Dictionary<DeviceSeries, long> _byDevice = [];
    private readonly Dictionary<(string DeviceId, string Device, string Tag, string Segment), long> _byName = [];

    // The newest time written per series in the open transaction.
    private readonly Dictionary<long, long> _latest = [];
    private bool _inTransaction;

    public SqliteRowWriter(sqlite3 db)
    {
        var all = StorageSchema.All;
        _upserts = new sqlite3_stmt[all.Count];
        for (int i = 0; i < all.Count; i++)
        {
            _upserts[i] = SqliteRaw.Prepare(db, SqliteSchema.Upsert(all[i]));
        }

        _addSeries = SqliteRaw.Prepare(db, "INSERT INTO series (device_id, device, tag, segment, last_ns) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (device_id, device, tag, segment) DO NOTHING");
        _findSeries = SqliteRaw.Prepare(db, "SELECT id FROM series WHERE device_id = ?1 AND device = ?2 AND tag = ?3 AND segment = ?4");
        _touchSeries = SqliteRaw.Prepare(db, "UPDATE series SET last_ns = max(last_ns, ?1) WHERE id = ?2");
        _begin = SqliteRaw.Prepare(db, "BEGIN");
        _commit = SqliteRaw.Prepare(db, "COMMIT");
        _rollback = SqliteRaw.Prepare(db, "ROLLBACK");
    }

    public void Begin()
    {
        SqliteRaw.Run(_begin);
        _inTransaction = true;
    }

    /// <summary>Upserts a typed point (no boxing: <typeparamref name="T"/> is a record struct).</summary>
    public void Write<T>(in T point)
        where T : struct, IStoredPoint
    {
        // Only points with the device tags alone (posture above all) use the per-device cache.
        long series = point.SeriesTag is null && point.Segment is null
            ? SeriesOf(point.Device)
            : SeriesOf(point.Device.DeviceIdHex, StoredName(point.Device), point.SeriesTag ?? string.Empty,
                point.Segment is { } segment ? VocabularyText.ToText(segment) : string.Empty);
        long time = SqliteRowMapper.ToUnixNanoseconds(point.TimeUtc);
        var statement = _upserts[IndexOf(point.Measurement)];
        SqliteRaw.Check(raw.sqlite3_bind_int64(statement, 1, time), statement);
        SqliteRaw.Check(raw.sqlite3_bind_int64(statement, 2, series), statement);
        var binder = new SqliteFieldBinder(statement, 3);
        point.VisitFields(ref binder);
        SqliteRaw.Run(statement);
        Touch(series, time);
    }

    /// <summary>Upserts a row read back from the disk queue.</summary>
    public void Write(in SqliteRow row)
    {
        var key = SqliteSchema.SeriesKey(in row);
        long series = SeriesOf(key.DeviceId, key.Device, key.Tag, key.Segment);
        var statement = _upserts[IndexOf(row.Measurement)];
        SqliteRaw.Check(raw.sqlite3_bind_int64(statement, 1, row.UnixNanoseconds), statement);
        SqliteRaw.Check(raw.sqlite3_bind_int64(statement, 2, series), statement);
        int index = 3;
        foreach (object? field in row.Fields)
        {
            int rc = field switch
            {
                double value => raw.sqlite3_bind_double(statement, index, value),
                long value => raw.sqlite3_bind_int64(statement, index, value),
                string value => raw.sqlite3_bind_text(statement, index, value),
                _ => raw.sqlite3_bind_null(statement, index),
            };
            SqliteRaw.Check(rc, statement);
            index++;
        }

        SqliteRaw.Run(statement);
        Touch(series, row.UnixNanoseconds);
    }

    /// <summary>Moves the touched series' <c>last_ns</c> forward and commits.</summary>
    public void Commit()
    {
        foreach (var (series, time) in _latest)
        {
            SqliteRaw.Check(raw.sqlite3_bind_int64(_touchSeries, 1, time), _touchSeries);
            SqliteRaw.Check(raw.sqlite3_bind_int64(_touchSeries, 2, series), _touchSeries);
            SqliteRaw.Run(_touchSeries);
        }

        SqliteRaw.Run(_commit);
        _inTransaction = false;
        _latest.Clear();
    }

    /// <summary>Undoes the open transaction (after a failure); series created in it are forgotten.</summary>
    public void Rollback()
    {
        _latest.Clear();
        ForgetSeries();
        if (_inTransaction)
        {
            _inTransaction = false;
            try
            {
                SqliteRaw.Run(_rollback);
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                // SQLite already rolled back (e.g. after SQLITE_FULL): nothing left to undo.
            }
        }
    }

    /// <summary>Forgets cached series ids (after retention deleted series, or a rollback).</summary>
    public void ForgetSeries()
    {
        _byDevice.Clear();
        _byName.Clear();
    }

    public void Dispose()
    {
        foreach (var statement in _upserts)
        {
            statement.Dispose();
        }

        _addSeries.Dispose();
        _findSeries.Dispose();
        _touchSeries.Dispose();
        _begin.Dispose();
        _commit.Dispose();
        _rollback.Dispose();
    }

    private void Touch(long series, long time)
    {
        ref long latest = ref CollectionsMarshal.GetValueRefOrAddDefault(_latest, series, out bool exists);
        if (!exists || time > latest)
        {
            latest = time;
        }
    }

    private long SeriesOf(DeviceSeries device)
    {
        ref long id = ref CollectionsMarshal.GetValueRefOrAddDefault(_byDevice, device, out bool exists);
        if (!exists)
        {
            id = SeriesOf(device.DeviceIdHex, StoredName(device), string.Empty, string.Empty);
        }

        return id;
    }

    private long SeriesOf(string deviceId, string device, string tag, string segment)
    {
        if (_byName.TryGetValue((deviceId, device, tag, segment), out long known))
        {
            return known;
        }

        Bind(_addSeries, deviceId, device, tag, segment);
        SqliteRaw.Check(raw.sqlite3_bind_int64(_addSeries, 5, long.MinValue), _addSeries);
        SqliteRaw.Run(_addSeries);
        Bind(_findSeries, deviceId, device, tag, segment);
        long id = SqliteRaw.ScalarInt64(_findSeries, -1);
        _byName[(deviceId, device, tag, segment)] = id;
        return id;
    }

    private static void Bind(sqlite3_stmt statement, string deviceId, string device, string tag, string segment)
    {
        SqliteRaw.Check(raw.sqlite3_bind_text(statement, 1, deviceId), statement);
        SqliteRaw.Check(raw.sqlite3_bind_text(statement, 2, device), statement);
        SqliteRaw.Check(raw.sqlite3_bind_text(statement, 3, tag), statement);
        SqliteRaw.Check(raw.sqlite3_bind_text(statement, 4, segment), statement);
    }

    /// <summary>The device name as InfluxDB would hold it, so both stores list the same names.</summary>
    private static string StoredName(DeviceSeries device) => LineProtocolEscaper.Sanitize(device.Name);

    private static int IndexOf(MeasurementDefinition measurement)
    {
        var all = StorageSchema.All;
        for (int i = 0; i < all.Count; i++)
        {
            if (ReferenceEquals(all[i], measurement))
            {
                return i;
            }
        }

        throw new ArgumentException($"{measurement.Name} is not a measurement of the schema", nameof(measurement));
    }
}
