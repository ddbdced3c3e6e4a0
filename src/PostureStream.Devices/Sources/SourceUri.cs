using System.Globalization;
using PostureStream.Devices.Serial;
using PostureStream.Devices.Session;

namespace PostureStream.Devices.Sources;

/// <summary>
/// Parses source URIs (README, using it): <c>serial:PATH?baud=N</c>, <c>serial:auto</c>, <c>tcp://HOST:PORT</c>,
/// <c>file:PATH?speed=max|realtime|N</c>, <c>sim:NAME?speed=N&amp;seed=S</c>, <c>ble:ADDRESS</c>. Every source
/// takes <c>name=</c>, <c>clock=device</c>, <c>start=ISO8601</c> and <c>record=FILE</c>; the live ones (serial,
/// tcp, ble) also <c>idle=SECONDS|off</c>. Simulator and BLE sources keep any other parameter for their own parsers.
/// </summary>
public static class SourceUri
{
    public const string Forms =
        "serial:PORT[?baud=N&driver=termios|ports], serial:auto, tcp://HOST:PORT, file:PATH[?speed=max|realtime|N], sim:NAME[?speed=N&seed=S] or ble:ADDRESS";

    private static readonly string[] CommonKeys = ["name", "clock", "start", "record"];

    /// <summary>
    /// The range of <c>start=</c>: stored times are nanoseconds since 1970 in 64 bits, which end in April 2262
    /// (a later start would wrap to 1677); the months before that leave room for the recording itself.
    /// </summary>
    private static readonly DateTimeOffset EarliestStart = DateTimeOffset.UnixEpoch;

    /// <inheritdoc cref="EarliestStart"/>
    private static readonly DateTimeOffset LatestStart = new(2261, 12, 31, 23, 59, 59, TimeSpan.Zero);

    public static SourceSpec Parse(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        string text = uri.Trim();
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new SourceUriException($"source '{uri}' has no scheme; a source is {Forms}");
        }

        Transport transport = text[..colon].ToLowerInvariant() switch
        {
            "serial" => Transport.Serial,
            "tcp" => Transport.Tcp,
            "file" => Transport.File,
            "sim" => Transport.Sim,
            "ble" => Transport.Ble,
            string other => throw new SourceUriException($"source '{uri}' has an unknown scheme '{other}'; a source is {Forms}"),
        };

        string rest = text[(colon + 1)..];
        int question = rest.IndexOf('?', StringComparison.Ordinal);
        string body = question < 0 ? rest : rest[..question];
        Dictionary<string, string> parameters = ParseQuery(uri, question < 0 ? "" : rest[(question + 1)..]);
        var spec = new SourceSpec(uri, transport, body) { Parameters = parameters };
        spec = ApplyCommon(spec, parameters);
        return transport switch
        {
            Transport.Serial => ParseSerial(spec, parameters),
            Transport.Tcp => ParseTcp(spec, parameters),
            Transport.File => ParseFile(spec, parameters),
            Transport.Sim => ParseSimulator(spec, parameters),
            Transport.Ble => ParseIdle(RequireTarget(spec, "a BLE address such as ble:AA:BB:CC:DD:EE:FF"), parameters),
        };
    }

    private static SourceSpec ParseSerial(SourceSpec spec, Dictionary<string, string> parameters)
    {
        RejectUnknown(spec, parameters, "baud", "driver", "idle");
        spec = ParseIdle(RequireTarget(spec, "a port such as serial:/dev/ttyUSB0, serial:/dev/serial/by-id/..., serial:COM3 or serial:auto"), parameters);
        if (parameters.TryGetValue("driver", out string? driverText))
        {
            spec = SerialDrivers.TryParse(driverText, out SerialDriver driver)
                ? spec with { SerialDriver = driver }
                : throw new SourceUriException($"driver={driverText} in '{spec.Uri}' is not a serial driver; use {SerialDrivers.Names}");
        }

        if (!parameters.TryGetValue("baud", out string? baudText))
        {
            return spec;
        }

        if (!int.TryParse(baudText, NumberStyles.None, CultureInfo.InvariantCulture, out int baud) || baud < BaudRates.Standard[0] || baud > BaudRates.Maximum)
        {
            throw new SourceUriException($"baud={baudText} in '{spec.Uri}' is not a usable baud rate; use one of {BaudRates.StandardList} (or another whole number between {BaudRates.Standard[0]} and {BaudRates.Maximum} where the adapter allows it)");
        }

        return spec with { BaudRate = baud };
    }

    private static SourceSpec ParseTcp(SourceSpec spec, Dictionary<string, string> parameters)
    {
        RejectUnknown(spec, parameters, "idle");
        spec = ParseIdle(spec, parameters);
        string shape = $"tcp source '{spec.Uri}' must look like tcp://HOST:PORT (a port from 1 to 65535)";
        if (!spec.Target.StartsWith("//", StringComparison.Ordinal)
            || !Uri.TryCreate("tcp:" + spec.Target, UriKind.Absolute, out Uri? parsed)
            || string.IsNullOrEmpty(parsed.Host) || parsed.Port is < 1 or > 65535 || parsed.AbsolutePath.Length > 1)
        {
            throw new SourceUriException(shape);
        }

        string host = parsed.HostNameType == UriHostNameType.IPv6 ? parsed.Host.Trim('[', ']') : parsed.Host;
        return spec with { Target = $"{parsed.Host}:{parsed.Port}", Host = host, Port = parsed.Port };
    }

    private static SourceSpec ParseFile(SourceSpec spec, Dictionary<string, string> parameters)
    {
        RejectUnknown(spec, parameters, "speed");
        string path = spec.Target.StartsWith("///", StringComparison.Ordinal) ? spec.Target[2..] : spec.Target;
        spec = RequireTarget(spec with { Target = Uri.UnescapeDataString(path) }, "a capture path such as file:walk.psp");
        return ParseSpeed(spec, parameters) with { Clock = SourceClock.Device };
    }

    private static SourceSpec ParseSimulator(SourceSpec spec, Dictionary<string, string> parameters) =>
        ParseSpeed(RequireTarget(spec, "a scenario name such as sim:office-day"), parameters) with { Clock = SourceClock.Device };

    /// <summary><c>idle=SECONDS</c> (1 to 86400, fractions allowed) or <c>idle=off</c>.</summary>
    private static SourceSpec ParseIdle(SourceSpec spec, Dictionary<string, string> parameters)
    {
        if (!parameters.TryGetValue("idle", out string? text))
        {
            return spec;
        }

        if (text.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return spec with { IdleTimeout = Timeout.InfiniteTimeSpan };
        }

        return double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double seconds) && seconds is >= 1 and <= 86_400
            ? spec with { IdleTimeout = TimeSpan.FromSeconds(seconds) }
            : throw new SourceUriException($"idle={text} in '{spec.Uri}' is not an idle timeout; give the seconds without any data after which the link is reopened (1 to 86400, default {DeviceSessionOptions.DefaultIdleTimeout.TotalSeconds}) or idle=off");
    }

    private static SourceSpec ParseSpeed(SourceSpec spec, Dictionary<string, string> parameters)
    {
        if (!parameters.TryGetValue("speed", out string? text))
        {
            return spec;
        }

        return ReplaySpeed.TryParse(text, out ReplaySpeed speed)
            ? spec with { Speed = speed }
            : throw new SourceUriException($"speed={text} in '{spec.Uri}' is not a speed; use max (as fast as possible), realtime, or a positive factor such as 10");
    }

    private static SourceSpec ApplyCommon(SourceSpec spec, Dictionary<string, string> parameters)
    {
        if (parameters.TryGetValue("name", out string? name))
        {
            if (string.IsNullOrWhiteSpace(name) || name.Length > 64 || name.Any(char.IsControl))
            {
                throw new SourceUriException($"name={name} in '{spec.Uri}' is not a usable display name; give 1 to 64 printable characters");
            }

            spec = spec with { Name = name };
        }

        if (parameters.TryGetValue("clock", out string? clock))
        {
            spec = clock.ToLowerInvariant() switch
            {
                "device" => spec with { Clock = SourceClock.Device },
                "arrival" => spec with { Clock = SourceClock.Arrival },
                _ => throw new SourceUriException($"clock={clock} in '{spec.Uri}' is not a clock; use clock=device (stamp start + device ticks) or clock=arrival (the default for live sources)"),
            };
        }

        if (parameters.TryGetValue("start", out string? start))
        {
            if (!DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset at)
                || !start.Contains('T', StringComparison.Ordinal))
            {
                throw new SourceUriException($"start={start} in '{spec.Uri}' is not an ISO 8601 time; write it like 2026-03-01T08:00:00Z");
            }

            if (at < EarliestStart || at > LatestStart)
            {
                throw new SourceUriException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"start={start} in '{spec.Uri}' is outside the times a stored point can carry; give a time from {EarliestStart:yyyy-MM-dd} to {LatestStart:yyyy-MM-dd} (UTC)"));
            }

            if (parameters.TryGetValue("clock", out string? explicitClock) && !explicitClock.Equals("device", StringComparison.OrdinalIgnoreCase))
            {
                throw new SourceUriException($"start= in '{spec.Uri}' needs clock=device, not clock={explicitClock}");
            }

            spec = spec with { Start = at, Clock = SourceClock.Device };
        }

        if (parameters.TryGetValue("record", out string? record))
        {
            spec = string.IsNullOrWhiteSpace(record)
                ? throw new SourceUriException($"record= in '{spec.Uri}' needs a file path, e.g. record=session.psp")
                : spec with { RecordPath = record };
        }

        return spec;
    }

    private static Dictionary<string, string> ParseQuery(string uri, string query)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new SourceUriException($"'{pair}' in '{uri}' is not a KEY=VALUE parameter");
            }

            string key = Uri.UnescapeDataString(pair[..equals]).ToLowerInvariant();
            if (!parameters.TryAdd(key, Uri.UnescapeDataString(pair[(equals + 1)..])))
            {
                throw new SourceUriException($"parameter '{key}' appears twice in '{uri}'; give it once");
            }
        }

        return parameters;
    }

    private static void RejectUnknown(SourceSpec spec, Dictionary<string, string> parameters, params string[] own)
    {
        foreach (string key in parameters.Keys)
        {
            if (!own.Contains(key) && !CommonKeys.Contains(key))
            {
                throw new SourceUriException($"unknown parameter '{key}' in '{spec.Uri}'; {VocabularyText.ToText(spec.Transport)} sources take {string.Join(", ", own.Concat(CommonKeys))}");
            }
        }
    }

    private static SourceSpec RequireTarget(SourceSpec spec, string example) =>
        string.IsNullOrWhiteSpace(spec.Target)
            ? throw new SourceUriException($"source '{spec.Uri}' names no {VocabularyText.ToText(spec.Transport)} target; give {example}")
            : spec;
}
