using PostureStream.Storage.LineProtocol;

namespace PostureStream.Storage.Influx;

/// <summary>
/// Parses InfluxDB store URIs (see the Storage README, "Store URIs"). Everything after <c>influxdb-vN:</c> is an ordinary
/// http(s) URL whose path prefix is kept; our parameters are taken out of its query, others are
/// passed through to the write URL. <c>precision=ns|us|ms|s</c> (default ms) is mapped to each
/// API's spelling. A password/token may come from POSTURESTREAM_INFLUX_PASSWORD /
/// POSTURESTREAM_INFLUX_TOKEN instead of the URI.
/// </summary>
public static class InfluxTargetParser
{
    public const string PasswordVariable = "POSTURESTREAM_INFLUX_PASSWORD";
    public const string TokenVariable = "POSTURESTREAM_INFLUX_TOKEN";

    private static readonly string[] V1Parameters = ["db", "rp", "user", "password", "precision"];
    private static readonly string[] V2Parameters = ["org", "bucket", "token", "precision"];
    private static readonly string[] V3Parameters = ["db", "token", "precision"];
    private static readonly string[] AllOurParameters = ["db", "rp", "user", "password", "org", "bucket", "token", "precision"];

    public static InfluxTarget Parse(string storeUri, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(storeUri);
        if (!TryGetVersion(storeUri, out var version))
        {
            throw new StoreUriException($"store '{Mask(storeUri)}' is not an InfluxDB URI: expected influxdb-v1:, influxdb-v2: or influxdb-v3: followed by an http(s) URL");
        }

        string scheme = SchemeOf(version);
        string rest = storeUri[(scheme.Length + 1)..];
        if (!Uri.TryCreate(rest, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || string.IsNullOrEmpty(url.Host))
        {
            throw new StoreUriException($"store '{Mask(storeUri)}': '{Mask(rest)}' is not an http:// or https:// URL with a host (e.g. {scheme}:http://localhost:8086?...)");
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            throw new StoreUriException($"store '{Mask(storeUri)}': credentials in the host part are not used; give user=/password= (v1) or token= (v2, v3), or the environment variables {PasswordVariable} / {TokenVariable}");
        }

        var ours = new Dictionary<string, string>(StringComparer.Ordinal);
        var passThrough = new List<string>();
        string[] allowed = version switch
        {
            InfluxApiVersion.V1 => V1Parameters,
            InfluxApiVersion.V2 => V2Parameters,
            _ => V3Parameters,
        };
        foreach (var part in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = part.IndexOf('=', StringComparison.Ordinal);
            string key = Uri.UnescapeDataString(equals < 0 ? part : part[..equals]);
            string value = equals < 0 ? string.Empty : Uri.UnescapeDataString(part[(equals + 1)..]);
            if (!AllOurParameters.Contains(key))
            {
                passThrough.Add(part);
                continue;
            }

            if (!allowed.Contains(key))
            {
                throw new StoreUriException($"store '{Mask(storeUri)}': '{key}' is not a parameter of {scheme}; valid: {string.Join(", ", allowed)}");
            }

            if (!ours.TryAdd(key, value))
            {
                throw new StoreUriException($"store '{Mask(storeUri)}': '{key}' is given twice");
            }
        }

        var precision = TimestampPrecision.Milliseconds;
        if (ours.Remove("precision", out var precisionText))
        {
            precision = precisionText switch
            {
                "ns" => TimestampPrecision.Nanoseconds,
                "us" => TimestampPrecision.Microseconds,
                "ms" => TimestampPrecision.Milliseconds,
                "s" => TimestampPrecision.Seconds,
                _ => throw new StoreUriException($"store '{Mask(storeUri)}': precision '{precisionText}' is not valid; use ns, us, ms or s (default ms)"),
            };
        }

        string? secret = TakeSecret(ours, version == InfluxApiVersion.V1 ? "password" : "token",
            version == InfluxApiVersion.V1 ? PasswordVariable : TokenVariable, environment);
        ours.Remove("user", out var user);
        if (user?.Length == 0)
        {
            user = null;
        }

        switch (version)
        {
            case InfluxApiVersion.V1:
                Require(ours, "db", storeUri, scheme);
                if (secret is not null && user is null)
                {
                    throw new StoreUriException($"store '{Mask(storeUri)}': a password needs user=NAME");
                }

                break;
            case InfluxApiVersion.V2:
                Require(ours, "org", storeUri, scheme);
                Require(ours, "bucket", storeUri, scheme);
                break;
            default:
                Require(ours, "db", storeUri, scheme);
                break;
        }

        string prefix = url.AbsolutePath.TrimEnd('/');
        var baseUri = new UriBuilder(url) { Query = string.Empty, Path = prefix.Length == 0 ? "/" : prefix + "/" }.Uri;
        var writeUri = new UriBuilder(url)
        {
            Path = prefix + WritePath(version),
            Query = WriteQuery(version, ours, precision, passThrough),
        }.Uri;
        return new InfluxTarget(version, baseUri, writeUri, precision, ours, user, secret);
    }

    public static bool TryGetVersion(string storeUri, out InfluxApiVersion version)
    {
        foreach (var candidate in (ReadOnlySpan<InfluxApiVersion>)[InfluxApiVersion.V1, InfluxApiVersion.V2, InfluxApiVersion.V3])
        {
            string scheme = SchemeOf(candidate);
            if (storeUri.Length > scheme.Length && storeUri.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && storeUri[scheme.Length] == ':')
            {
                version = candidate;
                return true;
            }
        }

        version = default;
        return false;
    }

    public static string SchemeOf(InfluxApiVersion version) => version switch
    {
        InfluxApiVersion.V1 => "influxdb-v1",
        InfluxApiVersion.V2 => "influxdb-v2",
        _ => "influxdb-v3",
    };

    /// <summary>Our own spelling of a precision, as the URI takes it.</summary>
    public static string PrecisionText(TimestampPrecision precision) => precision switch
    {
        TimestampPrecision.Nanoseconds => "ns",
        TimestampPrecision.Microseconds => "us",
        TimestampPrecision.Milliseconds => "ms",
        _ => "s",
    };

    /// <summary>The precision as the given API spells it (1.x takes an unknown one as nanoseconds).</summary>
    public static string ApiPrecision(InfluxApiVersion version, TimestampPrecision precision) => (version, precision) switch
    {
        (InfluxApiVersion.V1, TimestampPrecision.Nanoseconds) => "n",
        (InfluxApiVersion.V1, TimestampPrecision.Microseconds) => "u",
        (InfluxApiVersion.V3, TimestampPrecision.Nanoseconds) => "nanosecond",
        (InfluxApiVersion.V3, TimestampPrecision.Microseconds) => "microsecond",
        (InfluxApiVersion.V3, TimestampPrecision.Milliseconds) => "millisecond",
        (InfluxApiVersion.V3, TimestampPrecision.Seconds) => "second",
        _ => PrecisionText(precision),
    };

    /// <summary>The URI with any password= or token= value, and any user:password@ part, replaced by ***.</summary>
    public static string Mask(string storeUri)
    {
        ArgumentNullException.ThrowIfNull(storeUri);
        int authority = storeUri.IndexOf("//", StringComparison.Ordinal);
        if (authority >= 0)
        {
            int hostEnd = storeUri.IndexOfAny(['/', '?', '#'], authority + 2);
            int at = storeUri.LastIndexOf('@', hostEnd < 0 ? storeUri.Length - 1 : hostEnd - 1);
            if (at > authority)
            {
                storeUri = storeUri[..(authority + 2)] + "***" + storeUri[at..];
            }
        }

        var parts = storeUri.Split('?', 2);
        if (parts.Length < 2)
        {
            return storeUri;
        }

        var pairs = parts[1].Split('&');
        for (int i = 0; i < pairs.Length; i++)
        {
            if (pairs[i].StartsWith("password=", StringComparison.Ordinal) || pairs[i].StartsWith("token=", StringComparison.Ordinal))
            {
                pairs[i] = pairs[i][..(pairs[i].IndexOf('=', StringComparison.Ordinal) + 1)] + "***";
            }
        }

        return parts[0] + "?" + string.Join('&', pairs);
    }

    private static string? TakeSecret(Dictionary<string, string> ours, string key, string variable, Func<string, string?> environment)
    {
        if (ours.Remove(key, out var fromUri) && fromUri.Length > 0)
        {
            return fromUri;
        }

        string? fromEnvironment = environment(variable);
        return string.IsNullOrEmpty(fromEnvironment) ? null : fromEnvironment;
    }

    private static void Require(Dictionary<string, string> ours, string key, string storeUri, string scheme)
    {
        if (!ours.TryGetValue(key, out var value) || value.Length == 0)
        {
            throw new StoreUriException($"store '{Mask(storeUri)}': {scheme} needs {key}=NAME");
        }
    }

    private static string WritePath(InfluxApiVersion version) => version switch
    {
        InfluxApiVersion.V1 => "/write",
        InfluxApiVersion.V2 => "/api/v2/write",
        _ => "/api/v3/write_lp",
    };

    private static string WriteQuery(InfluxApiVersion version, Dictionary<string, string> ours, TimestampPrecision precision, List<string> passThrough)
    {
        var parts = new List<string>();
        foreach (var (key, value) in ours)
        {
            parts.Add($"{key}={Uri.EscapeDataString(value)}");
        }

        parts.Add("precision=" + ApiPrecision(version, precision));
        parts.AddRange(passThrough);
        return string.Join('&', parts);
    }
}
