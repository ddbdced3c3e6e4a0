using Microsoft.Data.Sqlite;
using PostureStream.Storage.Schema;

namespace PostureStream.Storage.Sqlite;

/// <summary>
/// Schema versions of the SQLite file, kept in <c>PRAGMA user_version</c>. Each migration takes
/// the file from version N-1 to N inside one transaction; a file from a newer PostureStream is
/// refused rather than guessed at.
/// </summary>
internal static class SqliteMigrations
{
    /// <summary>Migration i takes the file from version i to version i + 1.</summary>
    private static readonly Func<string>[] Steps =
    [
        // 1: the six measurements of the schema with their series and time indexes.
        () => string.Concat(StorageSchema.All.Select(SqliteSchema.CreateTable)),
    ];

    public static int CurrentVersion => Steps.Length;

    /// <summary>Brings the file up to <see cref="CurrentVersion"/>; returns the version it had.</summary>
    public static int Migrate(SqliteConnection connection, string path)
    {
        int version = ReadVersion(connection);
        if (version > CurrentVersion)
        {
            throw new InvalidOperationException(
                $"the SQLite store '{path}' has schema version {version}, newer than this PostureStream understands ({CurrentVersion}); upgrade PostureStream or use another file");
        }

        for (int step = version; step < CurrentVersion; step++)
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Steps[step]() + $"PRAGMA user_version = {step + 1};";
            command.ExecuteNonQuery();
            transaction.Commit();
        }

        return version;
    }

    public static int ReadVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
