using PostureStream.Storage.Influx;
using PostureStream.Storage.Sqlite;
using PostureStream.Storage.Stores;
using PostureStream.Storage.Tests.Fixtures;
using PostureStream.Storage.Tests.Sqlite;
using PostureStream.Storage.Trends;

namespace PostureStream.Storage.Tests.Trends;

/// <summary>The <see cref="TrendSeed"/> data written once to a SQLite file and to the shared influxd, with trend queries over each.</summary>
public sealed class SeededStores : IDisposable
{
    private readonly TempDirectory _dir = new("ps-trends-");
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (ITrendQueries Sqlite, InfluxTrendQueries Influx)? _queries;

    public string SqlitePath => _dir.Sub("seed.db");

    public string Database => "trend_seed";

    internal async Task<(ITrendQueries Sqlite, InfluxTrendQueries Influx)> GetAsync(InfluxdServer server)
    {
        await _gate.WaitAsync();
        try
        {
            if (_queries is { } ready)
            {
                return ready;
            }

            await server.CreateDatabaseAsync(Database);
            var target = InfluxTarget.Parse(server.StoreUri("v1", Database, "ns"), _ => null);
            var points = TrendSeed.Points();
            await using (var sqlite = SqliteStore.Open(new SqliteStoreOptions { Path = SqlitePath }))
            await using (var influx = new InfluxWriter(target, new InfluxWriterOptions { SpoolDirectory = _dir.Sub("spool") }))
            {
                foreach (var point in points)
                {
                    StoreWriting.Write(sqlite, point);
                    StoreWriting.Write(influx, point);
                }

                using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                await sqlite.FlushAsync(deadline.Token);
                await influx.FlushAsync(deadline.Token);
                Assert.Equal(0, influx.Metrics.LinesDeadLettered);
            }

            _queries = (SqliteTrendQueries.Open(SqlitePath), new InfluxTrendQueries(new InfluxQueryClient(target)));
            return _queries.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _queries?.Influx.Dispose();
        _gate.Dispose();
        _dir.Dispose();
    }
}
