using Microsoft.Data.Sqlite;
using PostureStream.Storage.Schema;

namespace PostureStream.Storage.Sqlite;

/// <summary>
/// Version 2 to 3: the series gain a <c>segment</c> (lumbar, pelvis, or '' for every series before it), part of their
/// key, so a wearer's two sensor links never share a series; the views are made again, the link_stats and
/// device_status ones with a last column <c>segment</c>. Only the small series table is copied (keeping its ids,
/// which the rows point to); the rows are not touched. One transaction: a crash leaves version 2 as it was.
/// </summary>
internal static class SqliteSegmentMigration
{
    public static void Run(SqliteConnection connection)
    {
        // The views read the series table, which is replaced: they go first and are made again over the new one.
        // Measurements added to the schema later get their table and view afterwards, with the current layout.
        var present = StorageSchema.All.Where(m => SqliteLayoutMigration.Exists(connection, SqliteSchema.RowsTable(m))).ToList();
        string dropViews = string.Concat(present.Select(m => $"DROP VIEW IF EXISTS {SqliteSchema.Quote(m.Name)};\n"));
        string createViews = string.Concat(present.Select(SqliteSchema.CreateView));
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = dropViews + """
            ALTER TABLE series RENAME TO series_v2;

            """ + SqliteSchema.CreateSeriesTable + """
            INSERT INTO series (id, device_id, device, tag, segment, last_ns)
              SELECT id, device_id, device, tag, '', last_ns FROM series_v2 ORDER BY id;
            DROP TABLE series_v2;

            """ + createViews + "PRAGMA user_version = 3;";
        command.ExecuteNonQuery();
        transaction.Commit();
    }
}
