using Microsoft.Data.Sqlite;
using PostureStream.Storage.Points;
using PostureStream.Storage.Schema;
using PostureStream.Storage.Sqlite;

namespace PostureStream.Storage.Tests.Sqlite;

/// <summary>Writes a store file in the schema-version-1 layout (one table per measurement, text tags), as earlier releases did.</summary>
internal static class Version1File
{
    public static void Create(string path, IEnumerable<IStoredPoint> points)
    {
        using var connection = SqliteConnections.OpenForWriting(path);
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, string.Concat(SqliteMigrations.Version1Measurements.Select(SqliteSchema.CreateVersion1Table)) + "PRAGMA user_version = 1;");
        foreach (var point in points)
        {
            var row = Map(point);
            var columns = new List<string> { "time_ns" };
            columns.AddRange(row.Measurement.TagKeys);
            columns.AddRange(row.Measurement.Fields.Select(f => f.Name));
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO {SqliteSchema.Quote(row.Measurement.Name)} ({string.Join(", ", columns.Select(SqliteSchema.Quote))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
            object?[] values = [row.UnixNanoseconds, .. row.Tags, .. row.Fields];
            for (int i = 0; i < values.Length; i++)
            {
                command.Parameters.AddWithValue("$p" + i, values[i] ?? DBNull.Value);
            }

            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>Adds <paramref name="count"/> posture rows for one device, 100 ms apart, in one statement (fast enough for large files).</summary>
    public static void AddPostureRows(string path, string device, string deviceId, long startNs, int count)
    {
        using var connection = SqliteConnections.OpenForWriting(path);
        Execute(connection, null, $"""
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < {count})
            INSERT INTO posture (time_ns, device, device_id, lumbar_pitch, lumbar_roll, pelvis_pitch, pelvis_roll, pelvic_tilt, lumbar_flexion, lordosis_delta, activity, state)
            SELECT {startNs} + i * 100000000, '{device}', '{deviceId}', i * 0.25, -1.5, 2.0, 0.5, 3.0, i * 0.125, -2.0, 'sitting', 'neutral' FROM n
            """);
    }

    private static SqliteRow Map(IStoredPoint point) => point switch
    {
        PostureRecord r => SqliteRowMapper.Map(in r),
        PostureAlertRecord r => SqliteRowMapper.Map(in r),
        PostureSummaryRecord r => SqliteRowMapper.Map(in r),
        PostureBendRecord r => SqliteRowMapper.Map(in r),
        DeviceStatusRecord r => SqliteRowMapper.Map(in r),
        LinkStatsRecord r => SqliteRowMapper.Map(in r),
        _ => throw new ArgumentOutOfRangeException(nameof(point)),
    };

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
