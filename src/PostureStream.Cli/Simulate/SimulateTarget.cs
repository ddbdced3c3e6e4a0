using System.Globalization;

namespace PostureStream.Cli.Simulate;

/// <summary>Where <c>simulate --out</c> sends the device: a new pseudo-terminal, a TCP server, a capture file, or BLE peripherals of the BlueZ stand-in on a D-Bus bus.</summary>
internal abstract record SimulateTarget
{
    public const string Expected = "pty, tcp://HOST:PORT, file:PATH or (with --witmotion ble) bluez:BUS_ADDRESS";

    public static bool TryParse(string text, out SimulateTarget? target, out string error)
    {
        target = null;
        error = "";
        if (text == "pty")
        {
            target = new PtyTarget();
            return true;
        }

        if (text.StartsWith("file:", StringComparison.Ordinal) && text.Length > "file:".Length)
        {
            target = new FileTarget(text["file:".Length..]);
            return true;
        }

        if (text.StartsWith("bluez:", StringComparison.Ordinal) && text.Length > "bluez:".Length)
        {
            target = new BlueZTarget(text["bluez:".Length..]);
            return true;
        }

        if (text.StartsWith("tcp://", StringComparison.Ordinal))
        {
            string hostPort = text["tcp://".Length..].TrimEnd('/');
            int colon = hostPort.LastIndexOf(':');
            if (colon > 0 && int.TryParse(hostPort[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port is >= 0 and <= 65535)
            {
                target = new TcpTarget(hostPort[..colon].Trim('[', ']'), port);
                return true;
            }

            error = $"--out '{text}' needs a host and a port 0–65535, e.g. tcp://127.0.0.1:7878";
            return false;
        }

        error = $"--out must be {Expected}, got '{text}'";
        return false;
    }
}

internal sealed record PtyTarget : SimulateTarget;

internal sealed record FileTarget(string Path) : SimulateTarget;

internal sealed record TcpTarget(string Host, int Port) : SimulateTarget;

/// <summary><c>bluez:BUS_ADDRESS</c>: the BlueZ stand-in on that D-Bus bus (e.g. a private dbus-daemon's unix:path=…).</summary>
internal sealed record BlueZTarget(string BusAddress) : SimulateTarget;
