using System.Globalization;
using Microsoft.Data.Sqlite;
using PostureStream.Storage.Schema;
using PostureStream.Storage.Stores;

namespace PostureStream.Storage.Sqlite;

/// <summary>
/// Moves a version-1 file (one table per measurement, text tags on every row) to version 2 in place
/// and resumably: first, in one transaction, each old table is renamed <c>NAME_v1</c> and the new
/// tables and views are created; then the rows move in chunks of consecutive rowids, each chunk in
/// one transaction that inserts it into the new table and deletes it from the old one (so the file
/// reuses the freed pages instead of doubling, and a crash leaves every row in exactly one place);
/// last, the empty old tables are dropped and <c>user_version</c> becomes 2. A crash anywhere
/// resumes on the next open, where it stopped.
/// </summary>
internal static class SqliteLayoutMigration
{
    public const int DefaultChunkRows = 50_000;

    private const string Step = "moving rows to the version-2 layout";

    public static void Run(SqliteConnection connection, IProgress<StoreOpenProgress>? progress, int chunkRows)
    {
        if (!Exists(connection, SqliteSchema.SeriesTable))
        {
            using var transaction = connection.BeginTransaction();
            string rename = string.Concat(SqliteMigrations.Version1Measurements.Select(m =>
                $"ALTER TABLE {SqliteSchema.Quote(m.Name)} RENAME TO {SqliteSchema.Quote(OldTable(m))};\n"));
            Execute(connection, transaction, rename + SqliteMigrations.CreateCurrent());
            transaction.Commit();
        }

        var pending = SqliteMigrations.Version1Measurements.Where(m => Exists(connection, OldTable(m))).ToList();
        long total = pending.Sum(m => Scalar(connection, null, $"SELECT coalesce(max(rowid) - min(rowid) + 1, 0) FROM {SqliteSchema.Quote(OldTable(m))}"));
        long done = 0;
        progress?.Report(new StoreOpenProgress(Step, 0, total));
        foreach (var measurement in pending)
        {
            while (MoveChunk(connection, measurement, chunkRows) is var moved and > 0)
            {
                done += moved;
                progress?.Report(new StoreOpenProgress(Step, done, total));
            }
        }

        using (var transaction = connection.BeginTransaction())
        {
            string drop = string.Concat(pending.Select(m => $"DROP TABLE {SqliteSchema.Quote(OldTable(m))};\n"));
            Execute(connection, transaction, drop + $"PRAGMA user_version = {SqliteMigrations.CurrentVersion};");
            transaction.Commit();
        }

        progress?.Report(new StoreOpenProgress(Step, done, Math.Max(total, done)));
    }

    /// <summary>The name a version-1 table has while its rows move.</summary>
    internal static string OldTable(MeasurementDefinition measurement) => measurement.Name + "_v1";

    /// <summary>Moves the oldest chunk of rowids; returns the rows moved (0 when the old table is empty).</summary>
    private static long MoveChunk(SqliteConnection connection, MeasurementDefinition measurement, int chunkRows)
    {
        string old = SqliteSchema.Quote(OldTable(measurement));
        using var transaction = connection.BeginTransaction();
        long first = Scalar(connection, transaction, $"SELECT coalesce(min(rowid), -1) FROM {old}");
        if (first < 0)
        {
            return 0;
        }

        string range = string.Create(CultureInfo.InvariantCulture, $"o.rowid BETWEEN {first} AND {first + chunkRows - 1}");
        string tag = SqliteSchema.SeriesTagKey(measurement) is { } key ? "o." + SqliteSchema.Quote(key) : "''";
        string fields = string.Join(", ", measurement.Fields.Select(f => SqliteSchema.Quote(f.Name)));
        string oldFields = string.Join(", ", measurement.Fields.Select(f => "o." + SqliteSchema.Quote(f.Name)));
        string merge = string.Join(", ", measurement.Fields.Select(f => $"{SqliteSchema.Quote(f.Name)} = coalesce(excluded.{SqliteSchema.Quote(f.Name)}, {SqliteSchema.Quote(f.Name)})"));

        // Series in order of first appearance, so export keeps the old order of points at the same time.
        Execute(connection, transaction, $"""
            INSERT INTO series (device_id, device, tag, last_ns)
            SELECT device_id, device, tag, last_ns FROM (
              SELECT o.device_id AS device_id, o.device AS device, {tag} AS tag, max(o.time_ns) AS last_ns, min(o.rowid) AS first
              FROM {old} AS o WHERE {range} GROUP BY 1, 2, 3) WHERE true ORDER BY first
            ON CONFLICT (device_id, device, tag) DO UPDATE SET last_ns = max(last_ns, excluded.last_ns);
            INSERT INTO {SqliteSchema.Quote(SqliteSchema.RowsTable(measurement))} (time_ns, series, {fields})
            SELECT o.time_ns, s.id, {oldFields} FROM {old} AS o
            JOIN series AS s ON s.device_id = o.device_id AND s.device = o.device AND s.tag = {tag}
            WHERE {range}
            ON CONFLICT (time_ns, series) DO UPDATE SET {merge};
            DELETE FROM {old} WHERE {range.Replace("o.rowid", "rowid", StringComparison.Ordinal)};
            """);
        long moved = Scalar(connection, transaction, "SELECT changes()");
        transaction.Commit();
        return Math.Max(moved, 1);
    }

    internal static bool Exists(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", table);
        return (long)command.ExecuteScalar()! > 0;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
