using System.Text;
using Microsoft.Data.Sqlite;
using PostureStream.Storage.Schema;
using PostureStream.Storage.Sqlite;

namespace PostureStream.Storage.Tests.Sqlite;

/// <summary>
/// Writes a store file in the schema-version-2 layout (series without a segment, views without it), as the releases
/// before the segment tag did, with a few rows put in by SQL.
/// </summary>
internal static class Version2File
{
    public static void Create(string path, string sqlRows)
    {
        using var connection = SqliteConnections.OpenForWriting(path);
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = SqliteMigrations.CreateVersion2Tables() + string.Concat(StorageSchema.All.Select(View)) + sqlRows + "PRAGMA user_version = 2;";
        command.ExecuteNonQuery();
        transaction.Commit();
    }

    /// <summary>A view as version 2 made it: time, the tags (the third one from series.tag), the fields.</summary>
    private static string View(MeasurementDefinition measurement)
    {
        var sql = new StringBuilder($"CREATE VIEW \"{measurement.Name}\" AS SELECT r.time_ns AS time_ns");
        foreach (var tag in measurement.OriginalTagKeys)
        {
            string column = tag == StorageSchema.DeviceTag ? "device" : tag == StorageSchema.DeviceIdTag ? "device_id" : "tag";
            sql.Append($", s.{column} AS \"{tag}\"");
        }

        foreach (var field in measurement.Fields)
        {
            sql.Append($", r.\"{field.Name}\" AS \"{field.Name}\"");
        }

        return sql.Append($" FROM \"{measurement.Name}_rows\" AS r JOIN series AS s ON s.id = r.series;\n").ToString();
    }
}
