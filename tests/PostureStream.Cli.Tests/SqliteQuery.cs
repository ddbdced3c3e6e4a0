using Microsoft.Data.Sqlite;

namespace PostureStream.Cli.Tests;

/// <summary>Reads a store file straight through SQL, read-only, so tests check what is on disk rather than what the store's own readers say.</summary>
public static class SqliteQuery
{
    public static long Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
