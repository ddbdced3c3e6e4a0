using System.Globalization;
using Microsoft.Data.Sqlite;
using PostureStream.Storage.Schema;
using PostureStream.Storage.Sqlite;

namespace PostureStream.Storage.Trends;

/// <summary>
/// The trend questions answered in SQL over a <see cref="SqliteStore"/> file. Each call opens its
/// own read-only connection, so queries run beside a writer (WAL).
/// </summary>
public sealed class SqliteTrendQueries : ITrendQueries
{
    private const string SummaryColumns = """
        SUM(seconds_neutral), SUM(seconds_flattened), SUM(seconds_hyperextended), SUM(seconds_uncalibrated),
        SUM(seconds_standing), SUM(seconds_sitting), SUM(seconds_walking), SUM(seconds_bending), SUM(seconds_lying),
        SUM(mean_pelvic_tilt * samples), SUM(CASE WHEN mean_pelvic_tilt IS NOT NULL THEN samples END),
        MIN(min_pelvic_tilt), MAX(max_pelvic_tilt),
        SUM(mean_lordosis_delta * samples), SUM(CASE WHEN mean_lordosis_delta IS NOT NULL THEN samples END),
        MIN(min_lordosis_delta), MAX(max_lordosis_delta),
        SUM(samples)
        """;

    private readonly string _path;

    private SqliteTrendQueries(string path) => _path = path;

    /// <summary>Queries over an existing store file (brought up to the current schema first).</summary>
    public static SqliteTrendQueries Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"the SQLite store '{path}' does not exist", path);
        }

        bool behind;
        using (var reading = SqliteConnections.OpenForReading(path))
        {
            behind = SqliteMigrations.IsBehind(reading);
        }

        // Only an old file needs write access (to migrate it); a current one may be read-only.
        if (behind)
        {
            using var connection = SqliteConnections.OpenForWriting(path);
            SqliteMigrations.Migrate(connection, path);
        }

        return new SqliteTrendQueries(path);
    }

    public Task<IReadOnlyList<DeviceInfo>> ListDevicesAsync(CancellationToken cancellationToken)
    {
        using var connection = SqliteConnections.OpenForReading(_path);
        var candidates = new List<DeviceInfo>();

        // Every series knows the time of its newest point (in any measurement): no scan of the rows.
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT device_id, device, last_ns FROM {SqliteSchema.SeriesTable}";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            candidates.Add(new DeviceInfo(reader.GetString(0), reader.GetString(1), SqliteRowMapper.FromUnixNanoseconds(reader.GetInt64(2))));
        }

        return Task.FromResult(TrendQueryChecks.MergeDevices(candidates));
    }

    public Task<IReadOnlyList<AngleBucket>> AngleTrendAsync(TrendQuery query, TrendGrain grain, CancellationToken cancellationToken)
    {
        var parts = SummaryParts(query, grain, cancellationToken);
        return Task.FromResult(TrendAggregation.Angles(parts, query.Zone, grain));
    }

    public Task<IReadOnlyList<TimeInStateBucket>> TimeInStateAsync(TrendQuery query, TrendGrain grain, CancellationToken cancellationToken)
    {
        var parts = SummaryParts(query, grain, cancellationToken);
        return Task.FromResult(TrendAggregation.TimeInState(parts, query.Zone, grain));
    }

    public Task<IReadOnlyList<AlertRow>> AlertsAsync(TrendQuery query, CancellationToken cancellationToken)
    {
        TrendQueryChecks.Validate(query);
        using var connection = SqliteConnections.OpenForReading(_path);
        using var command = RangeCommand(connection, query,
            "SELECT time_ns, device_id, device, kind, phase, episode_start_us, duration_s, peak_delta, activity, buzzed FROM posture_alert",
            "ORDER BY time_ns, device_id, kind");
        using var reader = command.ExecuteReader();
        var rows = new List<AlertRow>();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            rows.Add(new AlertRow(
                Time(reader, 0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Text(reader, 4),
                reader.IsDBNull(5) ? DateTime.UnixEpoch : DateTime.UnixEpoch.AddTicks(reader.GetInt64(5) * 10),
                Real(reader, 6), Real(reader, 7), Text(reader, 8), Bool(reader, 9)));
        }

        return Task.FromResult<IReadOnlyList<AlertRow>>(rows);
    }

    public Task<IReadOnlyList<BendRow>> BendsAsync(TrendQuery query, CancellationToken cancellationToken)
    {
        TrendQueryChecks.Validate(query);
        using var connection = SqliteConnections.OpenForReading(_path);
        using var command = RangeCommand(connection, query,
            "SELECT time_ns, device_id, device, duration_s, peak_lumbar_flexion, peak_pelvic_rotation, lumbar_share, lumbar_dominant FROM posture_bend",
            "ORDER BY time_ns, device_id");
        using var reader = command.ExecuteReader();
        var rows = new List<BendRow>();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            rows.Add(new BendRow(
                Time(reader, 0), reader.GetString(1), reader.GetString(2),
                Real(reader, 3), Real(reader, 4), Real(reader, 5), Real(reader, 6), Bool(reader, 7)));
        }

        return Task.FromResult<IReadOnlyList<BendRow>>(rows);
    }

    public Task<IReadOnlyList<StatusRow>> LatestStatusAsync(string? deviceId, CancellationToken cancellationToken)
    {
        TrendQueryChecks.ValidateDeviceId(deviceId);
        using var connection = SqliteConnections.OpenForReading(_path);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s.time_ns, s.device_id, s.device, s.battery_mv, s.battery_pct, s.temperature_c, s.charging, s.lumbar_fault, s.pelvis_fault
            FROM device_status s
            JOIN (SELECT device_id, MAX(time_ns) AS latest FROM device_status WHERE $id IS NULL OR device_id = $id GROUP BY device_id) m
              ON s.device_id = m.device_id AND s.time_ns = m.latest
            ORDER BY s.device_id, s.device
            """;
        command.Parameters.AddWithValue("$id", (object?)deviceId ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var rows = new List<StatusRow>();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (rows.Count > 0 && rows[^1].DeviceId == reader.GetString(1))
            {
                continue;
            }

            rows.Add(new StatusRow(
                Time(reader, 0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? 0 : reader.GetInt64(3), reader.IsDBNull(4) ? null : reader.GetInt64(4),
                Real(reader, 5), Bool(reader, 6), Bool(reader, 7), Bool(reader, 8)));
        }

        return Task.FromResult<IReadOnlyList<StatusRow>>(rows);
    }

    private List<SummaryPart> SummaryParts(TrendQuery query, TrendGrain grain, CancellationToken cancellationToken)
    {
        TrendQueryChecks.Validate(query);
        long width = TrendCalendar.FineWidth(grain).Ticks * 100;
        using var connection = SqliteConnections.OpenForReading(_path);
        using var command = RangeCommand(connection, query,
            $"SELECT time_ns - (time_ns % {width.ToString(CultureInfo.InvariantCulture)}) AS bucket, {SummaryColumns} FROM posture_summary",
            "GROUP BY bucket ORDER BY bucket");
        using var reader = command.ExecuteReader();
        var parts = new List<SummaryPart>();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            parts.Add(new SummaryPart(
                Time(reader, 0),
                Sum(reader, 1), Sum(reader, 2), Sum(reader, 3), Sum(reader, 4), Sum(reader, 5), Sum(reader, 6), Sum(reader, 7), Sum(reader, 8), Sum(reader, 9),
                Sum(reader, 10), Sum(reader, 11), Real(reader, 12), Real(reader, 13),
                Sum(reader, 14), Sum(reader, 15), Real(reader, 16), Real(reader, 17),
                reader.IsDBNull(18) ? 0 : reader.GetInt64(18)));
        }

        return parts;
    }

    private static SqliteCommand RangeCommand(SqliteConnection connection, TrendQuery query, string select, string tail)
    {
        var command = connection.CreateCommand();
        // Two shapes, so one device's query uses the (device_id, time) index and all devices' the time index.
        string device = query.DeviceId is null ? string.Empty : "AND device_id = $id ";
        command.CommandText = $"{select} WHERE time_ns >= $from AND time_ns < $to {device}{tail}";
        command.Parameters.AddWithValue("$from", SqliteRowMapper.ToUnixNanoseconds(query.FromUtc));
        command.Parameters.AddWithValue("$to", SqliteRowMapper.ToUnixNanoseconds(query.ToUtc));
        if (query.DeviceId is not null)
        {
            command.Parameters.AddWithValue("$id", query.DeviceId);
        }
        return command;
    }

    private static DateTime Time(SqliteDataReader reader, int column) => SqliteRowMapper.FromUnixNanoseconds(reader.GetInt64(column));

    private static double Real(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? double.NaN : reader.GetDouble(column);

    private static double Sum(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? 0 : reader.GetDouble(column);

    private static string Text(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? string.Empty : reader.GetString(column);

    private static bool Bool(SqliteDataReader reader, int column) => !reader.IsDBNull(column) && reader.GetInt64(column) != 0;
}
