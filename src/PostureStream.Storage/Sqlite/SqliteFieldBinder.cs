using PostureStream.Storage.Points;
using SQLitePCL;

namespace PostureStream.Storage.Sqlite;

/// <summary>
/// Binds a point's fields, in schema order, to the parameters of a prepared upsert from
/// <paramref name="firstIndex"/> on (SQLite counts from 1). Non-finite floats and absent
/// integers bind NULL. A struct visitor: nothing is boxed or allocated.
/// </summary>
internal struct SqliteFieldBinder(sqlite3_stmt statement, int firstIndex) : IFieldVisitor
{
    private int _index = firstIndex;

    public void Float(double value)
    {
        int rc = double.IsFinite(value)
            ? raw.sqlite3_bind_double(statement, _index++, value)
            : raw.sqlite3_bind_null(statement, _index++);
        SqliteRaw.Check(rc, statement);
    }

    public void Integer(long value) => SqliteRaw.Check(raw.sqlite3_bind_int64(statement, _index++, value), statement);

    public void Absent() => SqliteRaw.Check(raw.sqlite3_bind_null(statement, _index++), statement);

    public void Text(ReadOnlySpan<byte> utf8) => SqliteRaw.Check(raw.sqlite3_bind_text(statement, _index++, utf8), statement);

    public void Boolean(bool value) => SqliteRaw.Check(raw.sqlite3_bind_int64(statement, _index++, value ? 1 : 0), statement);
}
