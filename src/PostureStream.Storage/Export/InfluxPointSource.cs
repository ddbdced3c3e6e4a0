using System.Runtime.CompilerServices;
using System.Text.Json;
using PostureStream.Storage.Schema;
using PostureStream.Storage.Trends;

namespace PostureStream.Storage.Export;

/// <summary>
/// Reads an InfluxDB store back for export with InfluxQL, one time window per request (an hour of
/// <c>posture</c>, a day of the sparser measurements), so memory stays bounded.
/// Values are typed by <see cref="StorageSchema"/>, not by how JSON spelled them.
/// </summary>
public sealed class InfluxPointSource : IStoredPointSource
{
    private readonly InfluxQueryClient _client;

    public InfluxPointSource(InfluxQueryClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    public string Description => _client.Target.ToString();

    public async Task<long> CountAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        string statements = string.Join("; ", StorageSchema.All.Select(m =>
            $"SELECT COUNT(*) FROM {InfluxQueryClient.Identifier(m.Name)} WHERE {Range(fromUtc, toUtc)} GROUP BY *"));
        long total = 0;
        foreach (var statement in await _client.QueryAsync(statements, cancellationToken))
        {
            // COUNT(*) counts each field; a series' point count is the largest of them (per series: a wearer's two
            // device_status segments write disjoint fault fields, so one count over both would miss points).
            foreach (var series in statement)
            {
                foreach (var row in series.Rows)
                {
                    total += series.Columns.Where(c => c != "time").Select(c => series.GetInt64(row, c) ?? 0).DefaultIfEmpty(0).Max();
                }
            }
        }

        return total;
    }

    public async IAsyncEnumerable<IReadOnlyList<StoredRow>> ReadPagesAsync(DateTime fromUtc, DateTime toUtc, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var measurement in StorageSchema.All)
        {
            var window = measurement == StorageSchema.Posture ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);
            for (var start = fromUtc; start < toUtc; start += window)
            {
                var end = start + window < toUtc ? start + window : toUtc;
                var results = await _client.QueryAsync(
                    $"SELECT * FROM {InfluxQueryClient.Identifier(measurement.Name)} WHERE {Range(start, end)}", cancellationToken);
                var page = new List<StoredRow>();
                foreach (var series in results[0])
                {
                    foreach (var row in series.Rows)
                    {
                        page.Add(InfluxStoredRowReader.Read(measurement, series, row));
                    }
                }

                if (page.Count > 0)
                {
                    yield return page;
                }
            }
        }
    }

    public void Dispose() => _client.Dispose();

    private static string Range(DateTime fromUtc, DateTime toUtc) =>
        $"time >= {InfluxQueryClient.TimeLiteral(fromUtc)} AND time < {InfluxQueryClient.TimeLiteral(toUtc)}";
}
