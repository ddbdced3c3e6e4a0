using System.Globalization;
using PostureStream.Storage.Influx;
using PostureStream.Storage.Schema;
using PostureStream.Storage.Sqlite;

namespace PostureStream.Storage.Trends;

/// <summary>
/// The trend questions answered in InfluxQL on <c>/query</c>. The server aggregates
/// posture_summary into fine UTC buckets (GROUP BY time); the same C# code as for SQLite folds
/// them into the zone's local buckets, so both stores give the same answers.
/// </summary>
public sealed class InfluxTrendQueries : ITrendQueries, IDisposable
{
    // Plain aggregates: InfluxQL computes these natively per fine bucket.
    private const string SummaryAggregates = """
        SELECT SUM(seconds_neutral) AS neutral, SUM(seconds_flattened) AS flattened, SUM(seconds_hyperextended) AS hyper,
          SUM(seconds_uncalibrated) AS uncal, SUM(seconds_standing) AS standing, SUM(seconds_sitting) AS sitting,
          SUM(seconds_walking) AS walking, SUM(seconds_bending) AS bending, SUM(seconds_lying) AS lying,
          MIN(min_pelvic_tilt) AS minp, MAX(max_pelvic_tilt) AS maxp, MIN(min_lordosis_delta) AS minl, MAX(max_lordosis_delta) AS maxl,
          SUM(samples) AS samples
        FROM posture_summary
        """;

    // Sample-weighted sums need a product per row, which only a subquery gives (NULL when the minute had no mean).
    // Kept to these four columns: InfluxDB 1.x subqueries slow down sharply with every extra field.
    private const string WeightedOuter = "SELECT SUM(wp) AS wp, SUM(np) AS np, SUM(wl) AS wl, SUM(nl) AS nl";

    private const string WeightedInner = """
        SELECT mean_pelvic_tilt * samples AS wp, samples + mean_pelvic_tilt * 0 AS np,
          mean_lordosis_delta * samples AS wl, samples + mean_lordosis_delta * 0 AS nl
        FROM posture_summary
        """;

    private readonly InfluxQueryClient _client;

    public InfluxTrendQueries(InfluxQueryClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    public async Task<IReadOnlyList<DeviceInfo>> ListDevicesAsync(CancellationToken cancellationToken)
    {
        string statements = string.Join("; ", StorageSchema.All.Select(m =>
            $"SELECT * FROM {InfluxQueryClient.Identifier(m.Name)} GROUP BY device_id ORDER BY time DESC LIMIT 1"));
        var results = await _client.QueryAsync(statements, cancellationToken);
        var candidates = new List<DeviceInfo>();
        foreach (var statement in results)
        {
            foreach (var series in statement)
            {
                foreach (var row in series.Rows)
                {
                    candidates.Add(new DeviceInfo(
                        series.GetString(row, StorageSchema.DeviceIdTag) ?? string.Empty,
                        series.GetString(row, StorageSchema.DeviceTag) ?? string.Empty,
                        SqliteRowMapper.FromUnixNanoseconds(series.GetTime(row))));
                }
            }
        }

        return TrendQueryChecks.MergeDevices(candidates);
    }

    public async Task<IReadOnlyList<AngleBucket>> AngleTrendAsync(TrendQuery query, TrendGrain grain, CancellationToken cancellationToken) =>
        TrendAggregation.Angles(await SummaryPartsAsync(query, grain, cancellationToken), query.Zone, grain);

    public async Task<IReadOnlyList<TimeInStateBucket>> TimeInStateAsync(TrendQuery query, TrendGrain grain, CancellationToken cancellationToken) =>
        TrendAggregation.TimeInState(await SummaryPartsAsync(query, grain, cancellationToken), query.Zone, grain);

    public async Task<IReadOnlyList<AlertRow>> AlertsAsync(TrendQuery query, CancellationToken cancellationToken)
    {
        TrendQueryChecks.Validate(query);
        var rows = new List<AlertRow>();
        foreach (var series in await RangeAsync(StorageSchema.PostureAlertMeasurement, query, cancellationToken))
        {
            foreach (var row in series.Rows)
            {
                long? episodeStart = series.GetInt64(row, "episode_start_us");
                rows.Add(new AlertRow(
                    SqliteRowMapper.FromUnixNanoseconds(series.GetTime(row)),
                    series.GetString(row, StorageSchema.DeviceIdTag) ?? string.Empty,
                    series.GetString(row, StorageSchema.DeviceTag) ?? string.Empty,
                    series.GetString(row, StorageSchema.KindTag) ?? string.Empty,
                    series.GetString(row, "phase") ?? string.Empty,
                    DateTime.UnixEpoch.AddTicks((episodeStart ?? 0) * 10),
                    series.GetDouble(row, "duration_s"),
                    series.GetDouble(row, "peak_delta"),
                    series.GetString(row, "activity") ?? string.Empty,
                    series.GetBoolean(row, "buzzed")));
            }
        }

        return [.. rows.OrderBy(r => r.TimeUtc).ThenBy(r => r.DeviceId, StringComparer.Ordinal).ThenBy(r => r.Kind, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<BendRow>> BendsAsync(TrendQuery query, CancellationToken cancellationToken)
    {
        TrendQueryChecks.Validate(query);
        var rows = new List<BendRow>();
        foreach (var series in await RangeAsync(StorageSchema.PostureBendMeasurement, query, cancellationToken))
        {
            foreach (var row in series.Rows)
            {
                rows.Add(new BendRow(
                    SqliteRowMapper.FromUnixNanoseconds(series.GetTime(row)),
                    series.GetString(row, StorageSchema.DeviceIdTag) ?? string.Empty,
                    series.GetString(row, StorageSchema.DeviceTag) ?? string.Empty,
                    series.GetDouble(row, "duration_s"),
                    series.GetDouble(row, "peak_lumbar_flexion"),
                    series.GetDouble(row, "peak_pelvic_rotation"),
                    series.GetDouble(row, "lumbar_share"),
                    series.GetBoolean(row, "lumbar_dominant")));
            }
        }

        return [.. rows.OrderBy(r => r.TimeUtc).ThenBy(r => r.DeviceId, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<StatusRow>> LatestStatusAsync(string? deviceId, CancellationToken cancellationToken)
    {
        TrendQueryChecks.ValidateDeviceId(deviceId);
        // The battery's status: a wearer's link points (a segment's fault flag, no battery) do not replace it.
        string where = " WHERE battery_mv >= -2147483648" + (deviceId is null ? string.Empty : $" AND device_id = {InfluxQueryClient.StringLiteral(deviceId)}");
        var results = await _client.QueryAsync($"SELECT * FROM device_status{where} GROUP BY device_id ORDER BY time DESC LIMIT 1", cancellationToken);
        var rows = new List<StatusRow>();
        foreach (var series in results[0])
        {
            foreach (var row in series.Rows)
            {
                rows.Add(new StatusRow(
                    SqliteRowMapper.FromUnixNanoseconds(series.GetTime(row)),
                    series.GetString(row, StorageSchema.DeviceIdTag) ?? string.Empty,
                    series.GetString(row, StorageSchema.DeviceTag) ?? string.Empty,
                    series.GetInt64(row, "battery_mv") ?? 0,
                    series.GetInt64(row, "battery_pct"),
                    series.GetDouble(row, "temperature_c"),
                    series.GetBoolean(row, "charging"),
                    series.GetBoolean(row, "lumbar_fault"),
                    series.GetBoolean(row, "pelvis_fault")));
            }
        }

        return [.. rows.OrderBy(r => r.DeviceId, StringComparer.Ordinal)];
    }

    public void Dispose() => _client.Dispose();

    private async Task<IReadOnlyList<InfluxSeries>> RangeAsync(string measurement, TrendQuery query, CancellationToken cancellationToken)
    {
        var results = await _client.QueryAsync($"SELECT * FROM {InfluxQueryClient.Identifier(measurement)} WHERE {Where(query)}", cancellationToken);
        return results[0];
    }

    private async Task<List<SummaryPart>> SummaryPartsAsync(TrendQuery query, TrendGrain grain, CancellationToken cancellationToken)
    {
        TrendQueryChecks.Validate(query);
        string where = Where(query);

        // The device filter goes inside only: the subquery's rows carry no device_id tag to filter on.
        string outerWhere = TimeRange(query);
        string width = ((long)TrendCalendar.FineWidth(grain).TotalMinutes).ToString(CultureInfo.InvariantCulture) + "m";
        string groupBy = $"GROUP BY time({width}) fill(none)";
        string influxQl = $"{SummaryAggregates} WHERE {where} {groupBy}; {WeightedOuter} FROM ({WeightedInner} WHERE {where}) WHERE {outerWhere} {groupBy}";
        var results = await _client.QueryAsync(influxQl, cancellationToken);
        var weighted = new Dictionary<long, (double Wp, double Np, double Wl, double Nl)>();
        foreach (var series in results[1])
        {
            foreach (var row in series.Rows)
            {
                weighted[series.GetTime(row)] = (Sum(series, row, "wp"), Sum(series, row, "np"), Sum(series, row, "wl"), Sum(series, row, "nl"));
            }
        }

        var parts = new List<SummaryPart>();
        foreach (var series in results[0])
        {
            foreach (var row in series.Rows)
            {
                long time = series.GetTime(row);
                var w = weighted.GetValueOrDefault(time);
                parts.Add(new SummaryPart(
                    SqliteRowMapper.FromUnixNanoseconds(time),
                    Sum(series, row, "neutral"), Sum(series, row, "flattened"), Sum(series, row, "hyper"), Sum(series, row, "uncal"),
                    Sum(series, row, "standing"), Sum(series, row, "sitting"), Sum(series, row, "walking"), Sum(series, row, "bending"), Sum(series, row, "lying"),
                    w.Wp, w.Np, series.GetDouble(row, "minp"), series.GetDouble(row, "maxp"),
                    w.Wl, w.Nl, series.GetDouble(row, "minl"), series.GetDouble(row, "maxl"),
                    series.GetInt64(row, "samples") ?? 0));
            }
        }

        return parts;
    }

    private static string TimeRange(TrendQuery query) =>
        $"time >= {InfluxQueryClient.TimeLiteral(query.FromUtc)} AND time < {InfluxQueryClient.TimeLiteral(query.ToUtc)}";

    private static string Where(TrendQuery query)
    {
        string where = TimeRange(query);
        return query.DeviceId is null ? where : where + $" AND device_id = {InfluxQueryClient.StringLiteral(query.DeviceId)}";
    }

    private static double Sum(InfluxSeries series, System.Text.Json.JsonElement[] row, string column) => series.Get(row, column)?.GetDouble() ?? 0;
}
