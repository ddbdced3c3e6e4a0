using System.Text.RegularExpressions;

namespace PostureStream.Devices.Ble;

/// <summary>How a <see cref="BleLink"/> finds and connects to one NUS device (reconnecting is the device session's job).</summary>
public sealed partial record BleLinkOptions
{
    /// <summary>The device's Bluetooth address, AA:BB:CC:DD:EE:FF. Required.</summary>
    public required string Address { get; init; }

    /// <summary>The GATT service to talk to. Default <see cref="NordicUart.Profile"/> (PSP devices).</summary>
    public BleGattProfile Profile { get; init; } = NordicUart.Profile;

    /// <summary>The adapter to use, e.g. "hci1". Default: null, the first powered adapter.</summary>
    public string? Adapter { get; init; }

    /// <summary>The D-Bus address of the bus BlueZ is on. Default: null, the system bus (DBUS_SYSTEM_BUS_ADDRESS or /var/run/dbus/system_bus_socket).</summary>
    public string? BusAddress { get; init; }

    /// <summary>How long to scan for a device BlueZ does not know yet. Default 10 s.</summary>
    public TimeSpan ScanTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long Connect plus service resolution may take. Default 20 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Clock for the scan, connect and D-Bus call timeouts. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Options from a source URI: <c>ble:AA:BB:CC:DD:EE:FF</c>, optionally <c>?adapter=hci1</c>; other
    /// query parameters (name=, clock=, …) belong to the caller and are ignored here.
    /// </summary>
    public static BleLinkOptions FromSource(string source)
    {
        const string scheme = "ble:";
        if (!source.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"'{source}' is not a BLE source; expected ble:AA:BB:CC:DD:EE:FF");
        }

        string rest = source[scheme.Length..];
        int query = rest.IndexOf('?', StringComparison.Ordinal);
        string address = (query < 0 ? rest : rest[..query]).ToUpperInvariant();
        string? adapter = null;
        if (query >= 0)
        {
            foreach (string pair in rest[(query + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                if (pair.StartsWith("adapter=", StringComparison.Ordinal))
                {
                    adapter = Uri.UnescapeDataString(pair["adapter=".Length..]);
                }
            }
        }

        var options = new BleLinkOptions { Address = address, Adapter = adapter };
        options.Validate();
        return options;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad value and what would be valid.</summary>
    public void Validate()
    {
        if (!AddressPattern().IsMatch(Address))
        {
            throw new ArgumentException($"'{Address}' is not a Bluetooth address; expected six hex pairs like AA:BB:CC:DD:EE:FF", nameof(Address));
        }

        RequirePositive(ScanTimeout, nameof(ScanTimeout));
        RequirePositive(ConnectTimeout, nameof(ConnectTimeout));
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{name} must be positive, not {value}", name);
        }
    }

    [GeneratedRegex("^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$")]
    private static partial Regex AddressPattern();
}
