using PostureStream.Devices.Serial;
using PostureStream.Devices.Session;

namespace PostureStream.Devices.Sources;

/// <summary>
/// A parsed source URI. <see cref="Target"/> is what follows the scheme: a port path (or <c>auto</c>),
/// host:port, a file path, a scenario name or a BLE address. <see cref="Parameters"/> keeps every query
/// parameter as written, so the simulator and BLE sources can read their own. The scheme is the
/// <see cref="Transport"/> (the shared vocabulary's, the <c>transport</c> tag of link_stats): one word for both.
/// </summary>
public sealed record SourceSpec(string Uri, Transport Transport, string Target)
{
    /// <summary>Display name from <c>name=</c> (Storage README, schema), or null.</summary>
    public string? Name { get; init; }

    public SourceClock Clock { get; init; } = SourceClock.Arrival;

    /// <summary><c>start=</c>: the UTC of device tick 0 under <c>clock=device</c>.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary><c>baud=</c> of a serial source.</summary>
    public int BaudRate { get; init; } = BaudRates.Default;

    /// <summary><c>driver=</c> of a serial source: termios (Linux) or ports (System.IO.Ports); the platform's default unless given.</summary>
    public SerialDriver SerialDriver { get; init; } = SerialDrivers.Default;

    /// <summary><c>speed=</c> of a file (or simulator) source; max unless given.</summary>
    public ReplaySpeed Speed { get; init; } = ReplaySpeed.Max;

    /// <summary><c>record=</c>: a file that receives exactly the bytes the link delivers.</summary>
    public string? RecordPath { get; init; }

    /// <summary>
    /// <c>idle=SECONDS</c> (or <c>idle=off</c>) of a live source (serial, tcp, ble): how long the link may stay
    /// silent before it is reopened. Default <see cref="DeviceSessionOptions.DefaultIdleTimeout"/>;
    /// <see cref="Timeout.InfiniteTimeSpan"/> when off.
    /// </summary>
    public TimeSpan IdleTimeout { get; init; } = DeviceSessionOptions.DefaultIdleTimeout;

    /// <summary>The host of a tcp source.</summary>
    public string Host { get; init; } = "";

    /// <summary>The port of a tcp source.</summary>
    public int Port { get; init; }

    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>True for <c>serial:auto</c>.</summary>
    public bool IsAutoSerial => Transport == Transport.Serial && Target == "auto";

    public override string ToString() => Uri;
}
