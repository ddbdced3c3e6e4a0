using System.Net.Http.Headers;
using System.Text;
using PostureStream.Storage.LineProtocol;

namespace PostureStream.Storage.Influx;

/// <summary>
/// A parsed <c>influxdb-v1:</c>, <c>influxdb-v2:</c> or <c>influxdb-v3:</c> store URI (see the Storage README, "Store URIs"):
/// where to POST line protocol, with which precision and credentials. <see cref="ToString"/>
/// masks the secret; nothing here ever prints it.
/// </summary>
public sealed class InfluxTarget
{
    private readonly string? _secret;

    internal InfluxTarget(
        InfluxApiVersion version,
        Uri baseUri,
        Uri writeUri,
        TimestampPrecision precision,
        IReadOnlyDictionary<string, string> parameters,
        string? user,
        string? secret)
    {
        Version = version;
        BaseUri = baseUri;
        WriteUri = writeUri;
        Precision = precision;
        Parameters = parameters;
        User = user;
        _secret = secret;
    }

    public InfluxApiVersion Version { get; }

    /// <summary>The server URL with its path prefix, without any of our parameters.</summary>
    public Uri BaseUri { get; }

    /// <summary>The full write URL (path and query); holds no secret.</summary>
    public Uri WriteUri { get; }

    public TimestampPrecision Precision { get; }

    /// <summary>Our parameters as given (db, rp, org, bucket, user; never the password or token).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>The v1 user, if any.</summary>
    public string? User { get; }

    /// <summary>True when a password or token was given (in the URI or the environment).</summary>
    public bool HasSecret => _secret is not null;

    /// <summary>The database (v1, v3) or bucket (v2) points go to.</summary>
    public string Destination => Parameters.TryGetValue("bucket", out var bucket) ? bucket : Parameters["db"];

    /// <summary>Parses a store URI; see <see cref="InfluxTargetParser"/>.</summary>
    public static InfluxTarget Parse(string storeUri, Func<string, string?>? environment = null) =>
        InfluxTargetParser.Parse(storeUri, environment ?? Environment.GetEnvironmentVariable);

    /// <summary>True when <paramref name="storeUri"/> starts with an InfluxDB scheme.</summary>
    public static bool IsInfluxUri(string storeUri) => InfluxTargetParser.TryGetVersion(storeUri, out _);

    /// <summary>The Authorization header for this target, or null when it has no credentials.</summary>
    internal AuthenticationHeaderValue? CreateAuthorization()
    {
        return Version switch
        {
            InfluxApiVersion.V1 when User is not null => new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{_secret}"))),
            InfluxApiVersion.V2 when _secret is not null => new AuthenticationHeaderValue("Token", _secret),
            InfluxApiVersion.V3 when _secret is not null => new AuthenticationHeaderValue("Bearer", _secret),
            _ => null,
        };
    }

    /// <summary>The URI as it may be shown: the secret replaced by <c>***</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(InfluxTargetParser.SchemeOf(Version)).Append(':').Append(BaseUri.GetLeftPart(UriPartial.Path).TrimEnd('/'));
        char separator = '?';
        foreach (var (key, value) in Parameters)
        {
            text.Append(separator).Append(key).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        text.Append(separator).Append("precision=").Append(InfluxTargetParser.PrecisionText(Precision));
        if (_secret is not null)
        {
            text.Append('&').Append(Version == InfluxApiVersion.V1 ? "password" : "token").Append("=***");
        }

        return text.ToString();
    }
}
