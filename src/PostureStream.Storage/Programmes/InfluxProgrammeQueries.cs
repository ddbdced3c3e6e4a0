using System.Text.Json;
using PostureStream.Storage.Export;
using PostureStream.Storage.Schema;
using PostureStream.Storage.Trends;

namespace PostureStream.Storage.Programmes;

/// <summary>
/// Programmes, sessions and neutrals from InfluxDB with InfluxQL on <c>/query</c>. These measurements are small (a few
/// points a day per wearer), so each question is one query over its whole range.
/// </summary>
public sealed class InfluxProgrammeQueries : IProgrammeQueries, IDisposable
{
    // InfluxDB's time range: programmes are asked for whatever their dates.
    private static readonly DateTime Earliest = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Latest = new(2262, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly InfluxQueryClient _client;

    public InfluxProgrammeQueries(InfluxQueryClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    public async Task<IReadOnlyList<ProgrammeRow>> ProgrammesAsync(string? deviceId, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(StorageSchema.Programme, Earliest, Latest, deviceId, cancellationToken);
        return [.. rows.Select(ProgrammeRowMapper.Programme).OfType<ProgrammeRow>().OrderBy(p => p.ProgrammeId)];
    }

    public async Task<IReadOnlyList<SessionRow>> SessionsAsync(TrendQuery query, CancellationToken cancellationToken)
    {
        TrendQueryChecks.Validate(query);
        var rows = await ReadAsync(StorageSchema.ProgrammeSession, query.FromUtc, query.ToUtc, query.DeviceId, cancellationToken);
        return [.. rows.Select(ProgrammeRowMapper.Session).OfType<SessionRow>()];
    }

    public async Task<IReadOnlyList<NeutralRow>> NeutralsAsync(TrendQuery query, CancellationToken cancellationToken)
    {
        TrendQueryChecks.Validate(query);
        var rows = await ReadAsync(StorageSchema.PostureNeutral, query.FromUtc, query.ToUtc, query.DeviceId, cancellationToken);
        return [.. rows.Select(ProgrammeRowMapper.Neutral).OfType<NeutralRow>()];
    }

    public void Dispose() => _client.Dispose();

    private async Task<List<StoredRow>> ReadAsync(MeasurementDefinition measurement, DateTime fromUtc, DateTime toUtc, string? deviceId, CancellationToken cancellationToken)
    {
        string device = deviceId is null ? string.Empty : $" AND {InfluxQueryClient.Identifier(StorageSchema.DeviceIdTag)} = {InfluxQueryClient.StringLiteral(deviceId)}";
        var results = await _client.QueryAsync(
            $"SELECT * FROM {InfluxQueryClient.Identifier(measurement.Name)} WHERE time >= {InfluxQueryClient.TimeLiteral(fromUtc)} AND time < {InfluxQueryClient.TimeLiteral(toUtc)}{device}",
            cancellationToken);
        var rows = new List<StoredRow>();
        foreach (var series in results[0])
        {
            foreach (var row in series.Rows)
            {
                rows.Add(InfluxStoredRowReader.Read(measurement, series, row));
            }
        }

        rows.Sort((a, b) => a.UnixNanoseconds.CompareTo(b.UnixNanoseconds));
        return rows;
    }
}
