using System.Globalization;
using System.Text.Json;
using PostureStream.Storage.Influx;

namespace PostureStream.Storage.Trends;

/// <summary>
/// Runs InfluxQL on an InfluxDB's <c>/query</c> endpoint (served by 1.x natively and by 2.x/3.x
/// for compatibility) against the target's database or bucket, with the target's credentials.
/// Timestamps come back as epoch nanoseconds.
/// </summary>
public sealed class InfluxQueryClient : IDisposable
{
    private readonly InfluxTarget _target;
    private readonly HttpClient _http;

    /// <param name="target">The store whose database (v1, v3) or bucket (v2) is queried.</param>
    /// <param name="handler">HTTP handler (default: a new one); owned by the client.</param>
    public InfluxQueryClient(InfluxTarget target, HttpMessageHandler? handler = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        _target = target;
        _http = new HttpClient(handler ?? new SocketsHttpHandler(), disposeHandler: true) { Timeout = timeout ?? TimeSpan.FromSeconds(60) };
    }

    public InfluxTarget Target => _target;

    /// <summary>Runs one or more statements (separated by ';'); returns the series of each statement in order.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<InfluxSeries>>> QueryAsync(string influxQl, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>
        {
            ["db"] = _target.Destination,
            ["epoch"] = "ns",
            ["q"] = influxQl,
        };
        if (_target.Parameters.TryGetValue("rp", out var rp))
        {
            form["rp"] = rp;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_target.BaseUri, "query")) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = _target.CreateAuthorization();
        using var response = await _http.SendAsync(request, cancellationToken);
        string body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InfluxQueryException($"{_target} answered {(int)response.StatusCode} to a query: {Shorten(body)}");
        }

        using var document = JsonDocument.Parse(body);
        var statements = new List<IReadOnlyList<InfluxSeries>>();
        foreach (var result in document.RootElement.GetProperty("results").EnumerateArray())
        {
            if (result.TryGetProperty("error", out var error))
            {
                throw new InfluxQueryException($"{_target}: query failed: {error.GetString()}");
            }

            var series = new List<InfluxSeries>();
            if (result.TryGetProperty("series", out var all))
            {
                foreach (var s in all.EnumerateArray())
                {
                    series.Add(InfluxSeries.From(s));
                }
            }

            statements.Add(series);
        }

        return statements;
    }

    /// <summary>A time in nanoseconds since the epoch as an InfluxQL literal.</summary>
    public static string TimeLiteral(DateTime timeUtc) =>
        ((timeUtc.Ticks - DateTime.UnixEpoch.Ticks) * 100).ToString(CultureInfo.InvariantCulture);

    /// <summary>A string as a single-quoted InfluxQL literal.</summary>
    public static string StringLiteral(string value) =>
        "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    /// <summary>An identifier as a double-quoted InfluxQL name.</summary>
    public static string Identifier(string name) =>
        "\"" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    public void Dispose() => _http.Dispose();

    private static string Shorten(string text) => text.Length <= 500 ? text.Trim() : text[..500] + "…";
}
