using System.Globalization;
using System.Net;
using System.Text.Json;

namespace PostureStream.Testing;

/// <summary>
/// Debian's InfluxDB 1.x (<c>influxd</c>) on 127.0.0.1 with its data, meta and WAL in a temp
/// folder. Fails (never skips) when it cannot start. Can be stopped and started again on the same
/// port and data, for outage tests.
/// </summary>
public sealed class InfluxdServer : IAsyncDisposable
{
    public const string Binary = "/usr/bin/influxd";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _dir = new("ps-influxd-");
    private readonly string _config;
    private ChildProcess? _process;

    private InfluxdServer()
    {
        Port = FreePort.Next();
        int rpcPort = FreePort.Next();
        _config = _dir.Sub("influxd.conf");
        File.WriteAllText(_config, $"""
            reporting-enabled = false
            bind-address = "127.0.0.1:{rpcPort}"
            [meta]
              dir = "{_dir.Sub("meta")}"
              logging-enabled = false
            [data]
              dir = "{_dir.Sub("data")}"
              wal-dir = "{_dir.Sub("wal")}"
              wal-fsync-delay = "0s"
              query-log-enabled = false
            [monitor]
              store-enabled = false
            [continuous_queries]
              enabled = false
            [http]
              enabled = true
              bind-address = "127.0.0.1:{Port}"
              log-enabled = false
            [logging]
              level = "warn"
            """);
    }

    public int Port { get; }

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<InfluxdServer> StartNewAsync()
    {
        var server = CreateStopped();
        await server.StartAsync();
        return server;
    }

    /// <summary>A configured server on a free port that is not running yet: a store that is down until <see cref="StartAsync"/>.</summary>
    public static InfluxdServer CreateStopped() => File.Exists(Binary)
        ? new InfluxdServer()
        : throw new InvalidOperationException($"{Binary} is missing: install the Debian package influxdb (tools/install-deps.sh)");

    public async Task StartAsync()
    {
        _process?.Dispose();
        _process = new ChildProcess(Binary, ["run", "-config", _config]);
        using var deadline = new CancellationTokenSource(StartTimeout);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"influxd exited at start:\n{_process.Output}");
            }

            try
            {
                using var response = await Http.GetAsync(new Uri($"http://127.0.0.1:{Port}/ping"), deadline.Token);
                if (response.StatusCode == HttpStatusCode.NoContent)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (OperationCanceledException)
            {
                throw new InvalidOperationException($"influxd did not answer /ping within {StartTimeout}:\n{_process.Output}");
            }

            try
            {
                await Task.Delay(50, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new InvalidOperationException($"influxd did not answer /ping within {StartTimeout}:\n{_process.Output}");
            }
        }
    }

    public Task StopAsync() => _process?.StopAsync() ?? Task.CompletedTask;

    public async Task CreateDatabaseAsync(string name) => await QueryAsync(null, $"CREATE DATABASE \"{name}\"", post: true);

    /// <summary>Runs InfluxQL and returns the first result (timestamps as epoch nanoseconds).</summary>
    public async Task<JsonElement> QueryAsync(string? database, string influxQl, bool post = false)
    {
        var query = $"q={Uri.EscapeDataString(influxQl)}&epoch=ns" + (database is null ? string.Empty : $"&db={Uri.EscapeDataString(database)}");
        var uri = new Uri($"http://127.0.0.1:{Port}/query?{query}");
        using var response = post ? await Http.PostAsync(uri, null) : await Http.GetAsync(uri);
        string body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"influxd answered {(int)response.StatusCode} to {influxQl}: {body}");
        }

        using var document = JsonDocument.Parse(body);
        var result = document.RootElement.GetProperty("results")[0].Clone();
        if (result.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"influxd: {error.GetString()} for {influxQl}");
        }

        return result;
    }

    /// <summary>All series of a query: name, tags, and rows as column → value.</summary>
    public async Task<List<(string Name, Dictionary<string, string> Tags, List<Dictionary<string, JsonElement>> Rows)>> SeriesAsync(string database, string influxQl)
    {
        var result = await QueryAsync(database, influxQl);
        var all = new List<(string, Dictionary<string, string>, List<Dictionary<string, JsonElement>>)>();
        if (!result.TryGetProperty("series", out var series))
        {
            return all;
        }

        foreach (var s in series.EnumerateArray())
        {
            var tags = new Dictionary<string, string>(StringComparer.Ordinal);
            if (s.TryGetProperty("tags", out var tagObject))
            {
                foreach (var tag in tagObject.EnumerateObject())
                {
                    tags[tag.Name] = tag.Value.GetString()!;
                }
            }

            var columns = s.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToArray();
            var rows = new List<Dictionary<string, JsonElement>>();
            foreach (var row in s.GetProperty("values").EnumerateArray())
            {
                var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                int i = 0;
                foreach (var value in row.EnumerateArray())
                {
                    if (value.ValueKind != JsonValueKind.Null)
                    {
                        values[columns[i]] = value;
                    }

                    i++;
                }

                rows.Add(values);
            }

            all.Add((s.GetProperty("name").GetString()!, tags, rows));
        }

        return all;
    }

    /// <summary>How many points of <paramref name="measurement"/> have <paramref name="field"/>, optionally those matching an InfluxQL <paramref name="where"/>.</summary>
    public async Task<long> CountAsync(string database, string measurement, string field, string? where = null)
    {
        var result = await QueryAsync(database, $"SELECT COUNT(\"{field}\") FROM \"{measurement}\"" + (where is null ? string.Empty : " WHERE " + where));
        return result.TryGetProperty("series", out var series)
            ? series[0].GetProperty("values")[0][1].GetInt64()
            : 0;
    }

    public string StoreUri(string version, string database, string precision) => version switch
    {
        "v1" => $"influxdb-v1:http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}?db={database}&precision={precision}",
        _ => throw new ArgumentOutOfRangeException(nameof(version)),
    };

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.StopAsync();
            _process.Dispose();
        }

        Http.Dispose();
        _dir.Dispose();
    }
}
