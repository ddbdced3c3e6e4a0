using Microsoft.Data.Sqlite;

namespace PostureStream.Storage.Sqlite;

/// <summary>Opens connections to a store file with the settings every user of it needs.</summary>
internal static class SqliteConnections
{
    /// <summary>A read-write connection, creating the file (and its folder) when missing, in WAL mode.</summary>
    public static SqliteConnection OpenForWriting(string path)
    {
        string? folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Files.PrivatePaths.CreateFolder(folder);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;");
        return connection;
    }

    /// <summary>A read-only connection for queries and export; the file must exist.</summary>
    public static SqliteConnection OpenForReading(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"the SQLite store '{path}' does not exist", path);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout = 5000;");
        return connection;
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
