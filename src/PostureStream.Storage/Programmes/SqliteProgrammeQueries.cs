using PostureStream.Storage.Export;
using PostureStream.Storage.Schema;
using PostureStream.Storage.Sqlite;
using PostureStream.Storage.Trends;

namespace PostureStream.Storage.Programmes;

/// <summary>Programmes, sessions and neutrals from a SQLite store, through the measurements' views; each call opens its own read-only connection.</summary>
public sealed class SqliteProgrammeQueries : IProgrammeQueries
{
    private readonly string _path;

    private SqliteProgrammeQueries(string path) => _path = path;

    /// <summary>Queries over an existing store file (brought up to the current schema first, as the trend queries do).</summary>
    public static SqliteProgrammeQueries Open(string path)
    {
        _ = SqliteTrendQueries.Open(path);
        return new SqliteProgrammeQueries(path);
    }

    public Task<IReadOnlyList<ProgrammeRow>> ProgrammesAsync(string? deviceId, CancellationToken cancellationToken)
    {
        var rows = Read(StorageSchema.Programme, long.MinValue, long.MaxValue, deviceId, cancellationToken);
        return Task.FromResult<IReadOnlyList<ProgrammeRow>>(
            [.. rows.Select(ProgrammeRowMapper.Programme).OfType<ProgrammeRow>().OrderBy(p => p.ProgrammeId)]);
    }

    public Task<IReadOnlyList<SessionRow>> SessionsAsync(TrendQuery query, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SessionRow>>(
            [.. InRange(StorageSchema.ProgrammeSession, query, cancellationToken).Select(ProgrammeRowMapper.Session).OfType<SessionRow>()]);

    public Task<IReadOnlyList<NeutralRow>> NeutralsAsync(TrendQuery query, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<NeutralRow>>(
            [.. InRange(StorageSchema.PostureNeutral, query, cancellationToken).Select(ProgrammeRowMapper.Neutral).OfType<NeutralRow>()]);

    private List<StoredRow> InRange(MeasurementDefinition measurement, TrendQuery query, CancellationToken cancellationToken)
    {
        TrendQueryChecks.Validate(query);
        return Read(measurement, SqliteRowMapper.ToUnixNanoseconds(query.FromUtc), SqliteRowMapper.ToUnixNanoseconds(query.ToUtc), query.DeviceId, cancellationToken);
    }

    private List<StoredRow> Read(MeasurementDefinition measurement, long fromNs, long toNs, string? deviceId, CancellationToken cancellationToken)
    {
        using var connection = SqliteConnections.OpenForReading(_path);
        var rows = new List<StoredRow>();
        using var command = connection.CreateCommand();
        string columns = string.Join(", ", measurement.TagKeys.Concat(measurement.Fields.Select(f => f.Name)).Select(SqliteSchema.Quote));
        command.CommandText = $"""
            SELECT {SqliteSchema.TimeColumn}, {columns} FROM {SqliteSchema.Quote(measurement.Name)}
            WHERE time_ns >= $from AND time_ns < $to AND ($id IS NULL OR device_id = $id)
            ORDER BY time_ns, device_id
            """;
        command.Parameters.AddWithValue("$from", fromNs);
        command.Parameters.AddWithValue("$to", toNs);
        command.Parameters.AddWithValue("$id", (object?)deviceId ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            rows.Add(SqliteStoredRowReader.Read(reader, measurement, timeColumn: 0, firstTagColumn: 1));
        }

        return rows;
    }
}
