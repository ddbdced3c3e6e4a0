using Microsoft.Data.Sqlite;
using PostureStream.Storage.Schema;
using PostureStream.Storage.Stores;

namespace PostureStream.Storage.Sqlite;

/// <summary>
/// Schema versions of the SQLite file, kept in <c>PRAGMA user_version</c>. A new file is created at
/// the current version; an older one is brought up to it step by step (version 1 to 2 moves the
/// rows in place, resumably: <see cref="SqliteLayoutMigration"/>). A file from a newer PostureStream
/// is refused rather than guessed at.
/// <para>
/// A measurement added to the schema later (posture_neutral, programme, programme_session) is additive: its table and
/// view are created in any file that lacks them, without a new version, so an older PostureStream still opens the
/// file (and ignores the tables it does not know).
/// </para>
/// </summary>
internal static class SqliteMigrations
{
    /// <summary>1: one table per measurement with text tags. 2: series table, rows tables keyed (time, series), views.</summary>
    public const int CurrentVersion = 2;

    /// <summary>The measurements a version-1 file has (the layout migration moves exactly these).</summary>
    internal static IReadOnlyList<MeasurementDefinition> Version1Measurements { get; } =
    [
        StorageSchema.Posture, StorageSchema.PostureAlert, StorageSchema.PostureSummary,
        StorageSchema.PostureBend, StorageSchema.DeviceStatus, StorageSchema.LinkStats,
    ];

    /// <summary>True when opening the file would change it: an older version, or a measurement without its table.</summary>
    public static bool IsBehind(SqliteConnection connection) =>
        ReadVersion(connection) != CurrentVersion || MissingMeasurements(connection).Count > 0;

    /// <summary>The schema's measurements whose rows table the file does not have.</summary>
    public static IReadOnlyList<MeasurementDefinition> MissingMeasurements(SqliteConnection connection) =>
        [.. StorageSchema.All.Where(m => !SqliteLayoutMigration.Exists(connection, SqliteSchema.RowsTable(m)))];

    /// <summary>Brings the file up to <see cref="CurrentVersion"/>; returns the version it had.</summary>
    public static int Migrate(SqliteConnection connection, string path, IProgress<StoreOpenProgress>? progress = null, int chunkRows = SqliteLayoutMigration.DefaultChunkRows)
    {
        int version = ReadVersion(connection);
        if (version > CurrentVersion)
        {
            throw new InvalidOperationException(
                $"the SQLite store '{path}' has schema version {version}, newer than this PostureStream understands ({CurrentVersion}); upgrade PostureStream or use another file");
        }

        if (version == 0)
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = CreateCurrent() + $"PRAGMA user_version = {CurrentVersion};";
            command.ExecuteNonQuery();
            transaction.Commit();
        }
        else if (version == 1)
        {
            SqliteLayoutMigration.Run(connection, progress, chunkRows);
        }

        AddMissingMeasurements(connection);
        return version;
    }

    /// <summary>Creates the table and view of each measurement added to the schema since the file was made.</summary>
    private static void AddMissingMeasurements(SqliteConnection connection)
    {
        var missing = MissingMeasurements(connection);
        if (missing.Count == 0)
        {
            return;
        }

        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = string.Concat(missing.Select(SqliteSchema.CreateTableAndView));
        command.ExecuteNonQuery();
        transaction.Commit();
    }

    /// <summary>The tables and views of the current version.</summary>
    internal static string CreateCurrent() =>
        SqliteSchema.CreateSeriesTable + string.Concat(StorageSchema.All.Select(SqliteSchema.CreateTableAndView));

    public static int ReadVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
