using System.Net.Sockets;
using System.Text;

namespace PostureStream.Devices.DBus;

/// <summary>
/// A D-Bus server address. Only unix transports are supported: <c>unix:path=/run/dbus/system_bus_socket</c>
/// and <c>unix:abstract=name</c>; of a ';'-separated list, the first supported entry is used.
/// </summary>
public sealed record DBusAddress(string Text, UnixDomainSocketEndPoint EndPoint)
{
    public const string SystemBusEnvironmentVariable = "DBUS_SYSTEM_BUS_ADDRESS";
    public const string DefaultSystemBus = "unix:path=/var/run/dbus/system_bus_socket";

    /// <summary>The system bus: DBUS_SYSTEM_BUS_ADDRESS when set, else the standard socket.</summary>
    public static DBusAddress System
    {
        get
        {
            string? configured = Environment.GetEnvironmentVariable(SystemBusEnvironmentVariable);
            return Parse(string.IsNullOrWhiteSpace(configured) ? DefaultSystemBus : configured);
        }
    }

    public static DBusAddress Parse(string address)
    {
        foreach (string entry in address.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int colon = entry.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0 || entry[..colon] != "unix")
            {
                continue;
            }

            foreach (string pair in entry[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                int equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals < 0)
                {
                    continue;
                }

                string key = pair[..equals];
                string value = Unescape(pair[(equals + 1)..]);
                if (key == "path")
                {
                    return new DBusAddress(address, new UnixDomainSocketEndPoint(value));
                }

                if (key == "abstract")
                {
                    // .NET takes a leading NUL as the abstract namespace.
                    return new DBusAddress(address, new UnixDomainSocketEndPoint("\0" + value));
                }
            }
        }

        throw new FormatException($"no supported transport in D-Bus address '{address}' (expected unix:path=... or unix:abstract=...)");
    }

    /// <summary>Undoes the %XX escaping of address values.</summary>
    private static string Unescape(string value)
    {
        if (!value.Contains('%', StringComparison.Ordinal))
        {
            return value;
        }

        var bytes = new List<byte>();
        for (int i = 0; i < value.Length; i++)
        {
            if (value[i] == '%' && i + 2 < value.Length)
            {
                bytes.Add(Convert.ToByte(value.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)value[i]);
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    public override string ToString() => Text;
}
