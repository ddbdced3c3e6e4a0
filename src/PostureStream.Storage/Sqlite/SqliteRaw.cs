using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace PostureStream.Storage.Sqlite;

/// <summary>
/// The few raw SQLite calls the store's hot path makes directly (prepared statements, bind, step),
/// with errors turned into the <see cref="SqliteException"/> the rest of the store handles.
/// Microsoft.Data.Sqlite costs about 2 µs more per row in parameter objects and boxing.
/// </summary>
internal static class SqliteRaw
{
    public static sqlite3_stmt Prepare(sqlite3 db, string sql)
    {
        int rc = raw.sqlite3_prepare_v2(db, sql, out sqlite3_stmt statement);
        if (rc != raw.SQLITE_OK || statement is null)
        {
            statement?.Dispose();
            SqliteException.ThrowExceptionForRC(rc, db);
            throw new InvalidOperationException($"SQLite prepared no statement for: {sql}");
        }

        return statement;
    }

    /// <summary>Runs a statement that returns no row, then resets it for the next use.</summary>
    public static void Run(sqlite3_stmt statement)
    {
        int rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
        {
            SqliteException.ThrowExceptionForRC(rc, raw.sqlite3_db_handle(statement));
        }
    }

    /// <summary>Runs a statement that returns one integer (or no row: <paramref name="none"/>).</summary>
    public static long ScalarInt64(sqlite3_stmt statement, long none)
    {
        int rc = raw.sqlite3_step(statement);
        long value = rc == raw.SQLITE_ROW ? raw.sqlite3_column_int64(statement, 0) : none;
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
        {
            SqliteException.ThrowExceptionForRC(rc, raw.sqlite3_db_handle(statement));
        }

        return value;
    }

    public static void Check(int rc, sqlite3_stmt statement)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, raw.sqlite3_db_handle(statement));
        }
    }
}
