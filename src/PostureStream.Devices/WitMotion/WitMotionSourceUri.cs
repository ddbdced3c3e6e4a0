using System.Globalization;
using PostureStream.Devices.Sources;

namespace PostureStream.Devices.WitMotion;

/// <summary>
/// Parses WitMotion sources: <c>witmotion-serial:PATH[?baud=N&amp;rate=HZ&amp;quaternion=on]</c> (USB/TTL serial, or a
/// BWT901CL paired over Bluetooth SPP as /dev/rfcommN), <c>witmotion-ble:AA:BB:CC:DD:EE:FF[?rate=HZ&amp;adapter=hciN]</c>
/// (WT901BLECL), and <c>file:PATH[?speed=max|realtime|N]</c> when PATH is a timed capture written by <c>record=</c>.
/// All take <c>name=</c> and the live ones <c>record=FILE</c>. A mistake is a <see cref="SourceUriException"/> naming
/// the bad value and what would be valid.
/// </summary>
public static class WitMotionSourceUri
{
    public const string Forms = "witmotion-serial:PATH[?baud=N&rate=HZ], witmotion-ble:AA:BB:CC:DD:EE:FF[?rate=HZ] or file:PATH (a timed capture)";

    /// <summary>True when <paramref name="uri"/> is a WitMotion source (by scheme, or a <c>file:</c> holding a timed capture).</summary>
    public static bool IsWitMotion(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        string text = uri.Trim();
        if (text.StartsWith("witmotion-serial:", StringComparison.OrdinalIgnoreCase) || text.StartsWith("witmotion-ble:", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return text.StartsWith("file:", StringComparison.OrdinalIgnoreCase) && WitMotionCapture.IsTimedCapture(PathOf(text["file:".Length..]));
    }

    public static WitMotionSourceSpec Parse(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        string text = uri.Trim();
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        string scheme = colon > 0 ? text[..colon].ToLowerInvariant() : "";
        string rest = text[(colon + 1)..];
        int question = rest.IndexOf('?', StringComparison.Ordinal);
        string target = Uri.UnescapeDataString(question < 0 ? rest : rest[..question]);
        Dictionary<string, string> query = Query(uri, question < 0 ? "" : rest[(question + 1)..]);
        WitMotionSourceSpec spec = scheme switch
        {
            "witmotion-serial" => new WitMotionSourceSpec(uri, WitMotionFraming.Serial, Required(uri, target, "a port path such as /dev/ttyUSB0 or /dev/rfcomm0")),
            "witmotion-ble" => new WitMotionSourceSpec(uri, WitMotionFraming.Ble, Address(uri, target)),
            "file" => new WitMotionSourceSpec(uri, WitMotionFraming.Serial, Required(uri, target, "the path of a timed capture")) { IsCapture = true },
            _ => throw new SourceUriException($"'{uri}' is no WitMotion source; use {Forms}"),
        };

        var allowed = new HashSet<string>(StringComparer.Ordinal) { "name" };
        allowed.UnionWith(scheme switch
        {
            "witmotion-serial" => ["baud", "rate", "quaternion", "record"],
            "witmotion-ble" => ["rate", "adapter", "record"],
            _ => ["speed"],
        });
        foreach (string key in query.Keys.Where(k => !allowed.Contains(k)))
        {
            throw new SourceUriException($"'{key}=' in '{uri}' is not a parameter of this source; it takes {string.Join(", ", allowed.Order(StringComparer.Ordinal).Select(k => k + "="))}");
        }

        return spec with
        {
            BaudRate = query.TryGetValue("baud", out string? baud) ? Baud(uri, baud) : null,
            RateHertz = query.TryGetValue("rate", out string? rate) ? Rate(uri, rate) : null,
            Quaternion = query.TryGetValue("quaternion", out string? q) && OnOff(uri, "quaternion", q),
            Adapter = query.GetValueOrDefault("adapter"),
            Name = query.GetValueOrDefault("name"),
            RecordPath = query.GetValueOrDefault("record"),
            Speed = query.TryGetValue("speed", out string? speed) ? Speed(uri, speed) : ReplaySpeed.Max,
        };
    }

    private static string PathOf(string rest)
    {
        int question = rest.IndexOf('?', StringComparison.Ordinal);
        return Uri.UnescapeDataString(question < 0 ? rest : rest[..question]);
    }

    private static Dictionary<string, string> Query(string uri, string query)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new SourceUriException($"'{pair}' in '{uri}' is not key=value");
            }

            result[pair[..equals].ToLowerInvariant()] = Uri.UnescapeDataString(pair[(equals + 1)..]);
        }

        return result;
    }

    private static string Required(string uri, string value, string what) =>
        value.Length > 0 ? value : throw new SourceUriException($"'{uri}' has no target; give {what}");

    private static string Address(string uri, string value) =>
        System.Text.RegularExpressions.Regex.IsMatch(value, "^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$")
            ? value.ToUpperInvariant()
            : throw new SourceUriException($"'{value}' in '{uri}' is not a Bluetooth address; expected six hex pairs like AA:BB:CC:DD:EE:FF");

    private static int Baud(string uri, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int baud) && Protocol.WitMotion.WitMotionBauds.Supported.Contains(baud)
            ? baud
            : throw new SourceUriException($"baud={text} in '{uri}' is not a WitMotion baud rate; use one of {string.Join(", ", Protocol.WitMotion.WitMotionBauds.Supported)}");

    private static double Rate(string uri, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double hz) && Protocol.WitMotion.WitMotionRates.TryGetCode(hz, out _)
            ? hz
            : throw new SourceUriException($"rate={text} in '{uri}' is not a WitMotion output rate; use one of {string.Join(", ", Protocol.WitMotion.WitMotionRates.Supported.Select(r => r.ToString(CultureInfo.InvariantCulture)))} (Hz)");

    private static bool OnOff(string uri, string key, string text) => text.ToLowerInvariant() switch
    {
        "on" or "true" or "1" => true,
        "off" or "false" or "0" => false,
        _ => throw new SourceUriException($"{key}={text} in '{uri}' is neither on nor off"),
    };

    private static ReplaySpeed Speed(string uri, string text) =>
        ReplaySpeed.TryParse(text, out ReplaySpeed speed) ? speed : throw new SourceUriException($"speed={text} in '{uri}' is not max, realtime or a positive number");
}
