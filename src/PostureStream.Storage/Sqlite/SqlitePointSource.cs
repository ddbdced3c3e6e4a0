using System.Runtime.CompilerServices;
using PostureStream.Storage.Export;
using PostureStream.Storage.Schema;

namespace PostureStream.Storage.Sqlite;

/// <summary>Reads a SQLite store back for export, in pages keyed on the rows' key (time, series) so no page is read twice.</summary>
public sealed class SqlitePointSource : IStoredPointSource
{
    private readonly string _path;
    private readonly int _pageSize;

    private SqlitePointSource(string path, int pageSize)
    {
        _path = path;
        _pageSize = pageSize;
    }

    public string Description => "sqlite:" + _path;

    /// <summary>A source over an existing store file (brought up to the current schema first).</summary>
    public static SqlitePointSource Open(string path, int pageSize = 5000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        _ = Trends.SqliteTrendQueries.Open(path);
        return new SqlitePointSource(path, pageSize);
    }

    public Task<long> CountAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        using var connection = SqliteConnections.OpenForReading(_path);
        long total = 0;
        foreach (var measurement in StorageSchema.All)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM {SqliteSchema.Quote(SqliteSchema.RowsTable(measurement))} WHERE time_ns >= $from AND time_ns < $to";
            command.Parameters.AddWithValue("$from", SqliteRowMapper.ToUnixNanoseconds(fromUtc));
            command.Parameters.AddWithValue("$to", SqliteRowMapper.ToUnixNanoseconds(toUtc));
            total += (long)command.ExecuteScalar()!;
        }

        return Task.FromResult(total);
    }

    public async IAsyncEnumerable<IReadOnlyList<StoredRow>> ReadPagesAsync(DateTime fromUtc, DateTime toUtc, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = SqliteConnections.OpenForReading(_path);
        foreach (var measurement in StorageSchema.All)
        {
            // The view's columns (tags, then fields) after the rows' key; paged on the key, not the view.
            var columns = new List<string> { "r.series", "r.time_ns" };
            columns.AddRange(measurement.TagKeys.Select(t => "v." + SqliteSchema.Quote(t)));
            columns.AddRange(measurement.Fields.Select(f => "r." + SqliteSchema.Quote(f.Name)));
            string tagColumns = string.Join(", ", measurement.TagKeys.Select(t => SqliteSchema.SeriesColumnOf(t) + " AS " + SqliteSchema.Quote(t)));
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT {string.Join(", ", columns)} FROM {SqliteSchema.Quote(SqliteSchema.RowsTable(measurement))} AS r
                JOIN (SELECT id, {tagColumns} FROM series) AS v ON v.id = r.series
                WHERE r.time_ns >= $from AND r.time_ns < $to AND (r.time_ns, r.series) > ($lastTime, $lastRow)
                ORDER BY r.time_ns, r.series LIMIT $limit
                """;
            var lastTime = command.Parameters.AddWithValue("$lastTime", long.MinValue);
            var lastRow = command.Parameters.AddWithValue("$lastRow", long.MinValue);
            command.Parameters.AddWithValue("$from", SqliteRowMapper.ToUnixNanoseconds(fromUtc));
            command.Parameters.AddWithValue("$to", SqliteRowMapper.ToUnixNanoseconds(toUtc));
            command.Parameters.AddWithValue("$limit", _pageSize);
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var page = new List<StoredRow>(_pageSize);
                await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        page.Add(SqliteStoredRowReader.Read(reader, measurement, timeColumn: 1, firstTagColumn: 2));
                        lastRow.Value = reader.GetInt64(0);
                        lastTime.Value = reader.GetInt64(1);
                    }
                }

                if (page.Count > 0)
                {
                    yield return page;
                }

                if (page.Count < _pageSize)
                {
                    break;
                }
            }
        }
    }

    public void Dispose()
    {
    }
}
