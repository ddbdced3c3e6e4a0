using System.Runtime.Versioning;
using PostureStream.Devices.Serial;

namespace PostureStream.Devices.Discovery;

/// <summary>
/// Finds serial ports the way udev sees them: /sys/class/tty entries bound to a device driver (ttyUSB,
/// ttyACM, ttyAMA, and ttyS only where a UART answers), with USB identity from sysfs and the stable
/// /dev/serial/by-id links. The roots are parameters so tests can build a fake tree.
/// </summary>
public sealed class SerialPortDiscovery
{
    private readonly string _sysRoot;
    private readonly string _devRoot;

    public SerialPortDiscovery(string sysRoot = "/sys", string devRoot = "/dev")
    {
        _sysRoot = sysRoot;
        _devRoot = devRoot;
    }

    /// <summary>The ports of this machine: USB ports first, then on-board UARTs, each group in name order.</summary>
    public IReadOnlyList<SerialPortInfo> FindPorts()
    {
        if (!OperatingSystem.IsLinux())
        {
            return PortNames();
        }

        string classDir = Path.Combine(_sysRoot, "class", "tty");
        if (!Directory.Exists(classDir))
        {
            return [];
        }

        Dictionary<string, string> byId = ReadByIdLinks();
        var ports = new List<SerialPortInfo>();
        foreach (string entry in Directory.EnumerateFileSystemEntries(classDir))
        {
            SerialPortInfo? port = Describe(entry, byId);
            if (port is not null)
            {
                ports.Add(port);
            }
        }

        return [.. ports.OrderBy(p => p.IsUsb ? 0 : 1).ThenBy(p => p.KernelName, KernelNameComparer.Instance)];
    }

    /// <summary>Windows and macOS have no sysfs: the names System.IO.Ports knows, without USB identity.</summary>
    private static SerialPortInfo[] PortNames() =>
        [.. System.IO.Ports.SerialPort.GetPortNames().Order(StringComparer.Ordinal).Select(name => new SerialPortInfo(name, Path.GetFileName(name), "System.IO.Ports"))];

    /// <summary>A one-line list of the ports for error messages.</summary>
    public string DescribePorts()
    {
        IReadOnlyList<SerialPortInfo> ports = FindPorts();
        return ports.Count == 0
            ? "no serial ports were found (looked in /sys/class/tty and /dev/serial/by-id; is the sensor plugged in?)"
            : "ports found: " + string.Join("; ", ports.Select(p => p.Describe()));
    }

    [SupportedOSPlatform("linux")]
    private SerialPortInfo? Describe(string entry, Dictionary<string, string> byId)
    {
        string name = Path.GetFileName(entry);
        string? driver = HardwareDriver(Path.Combine(entry, "device"));
        if (driver is null)
        {
            return null; // virtual terminals, pseudo-terminals and the console have no driver
        }

        if (name.StartsWith("ttyS", StringComparison.Ordinal) && ReadAttribute(entry, "type") is "0" or null)
        {
            return null; // an 8250 slot with no UART behind it (type 0 = PORT_UNKNOWN)
        }

        string devicePath = Path.Combine(_devRoot, name);
        var port = new SerialPortInfo(devicePath, name, driver);
        string? canonical = SerialNative.ResolvePath(devicePath);
        if (canonical is not null && byId.TryGetValue(canonical, out string? link))
        {
            port = port with { ByIdPath = link };
        }

        string? usbDevice = FindUsbDevice(Path.Combine(entry, "device"));
        return usbDevice is null ? port : port with
        {
            UsbVendorId = ReadAttribute(usbDevice, "idVendor"),
            UsbProductId = ReadAttribute(usbDevice, "idProduct"),
            SerialNumber = ReadAttribute(usbDevice, "serial"),
            Manufacturer = ReadAttribute(usbDevice, "manufacturer"),
            Product = ReadAttribute(usbDevice, "product"),
        };
    }

    /// <summary>
    /// The name of the driver bound to a tty's device. Since Linux 6.5 a UART's device is a "port" of the
    /// serial-base bus under a "ctrl" device; the driver that tells the hardware apart sits above those.
    /// </summary>
    [SupportedOSPlatform("linux")]
    private static string? HardwareDriver(string deviceLink)
    {
        string? dir = SerialNative.ResolvePath(deviceLink);
        string? first = null;
        for (int depth = 0; dir is not null && depth < 3; depth++, dir = Path.GetDirectoryName(dir))
        {
            string? driverDir = SerialNative.ResolvePath(Path.Combine(dir, "driver"));
            if (driverDir is null)
            {
                return first;
            }

            first ??= Path.GetFileName(driverDir);
            if (!driverDir.Contains("/serial-base/", StringComparison.Ordinal))
            {
                return Path.GetFileName(driverDir);
            }
        }

        return first;
    }

    /// <summary>The sysfs directory of the USB device above a tty's device, or null when it is not on USB.</summary>
    [SupportedOSPlatform("linux")]
    private string? FindUsbDevice(string deviceLink)
    {
        string? dir = SerialNative.ResolvePath(deviceLink);
        string devicesRoot = SerialNative.ResolvePath(Path.Combine(_sysRoot, "devices")) ?? Path.Combine(_sysRoot, "devices");
        while (dir is not null && dir.StartsWith(devicesRoot, StringComparison.Ordinal) && dir.Length > devicesRoot.Length)
        {
            if (File.Exists(Path.Combine(dir, "idVendor")))
            {
                return dir;
            }

            dir = Path.GetDirectoryName(dir);
        }

        return null;
    }

    [SupportedOSPlatform("linux")]
    private Dictionary<string, string> ReadByIdLinks()
    {
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        string dir = Path.Combine(_devRoot, "serial", "by-id");
        if (!Directory.Exists(dir))
        {
            return links;
        }

        foreach (string link in Directory.EnumerateFileSystemEntries(dir).Order(StringComparer.Ordinal))
        {
            string? target = SerialNative.ResolvePath(link);
            if (target is not null)
            {
                links.TryAdd(target, link);
            }
        }

        return links;
    }

    private static string? ReadAttribute(string dir, string name)
    {
        try
        {
            string path = Path.Combine(dir, name);
            return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Orders ttyUSB2 before ttyUSB10.</summary>
    private sealed class KernelNameComparer : IComparer<string>
    {
        public static readonly KernelNameComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            (string px, long nx) = Split(x ?? "");
            (string py, long ny) = Split(y ?? "");
            int byPrefix = string.CompareOrdinal(px, py);
            return byPrefix != 0 ? byPrefix : nx.CompareTo(ny);
        }

        private static (string Prefix, long Number) Split(string name)
        {
            int digits = name.Length;
            while (digits > 0 && char.IsAsciiDigit(name[digits - 1]))
            {
                digits--;
            }

            return digits == name.Length || name.Length - digits > 18
                ? (name, -1)
                : (name[..digits], long.Parse(name.AsSpan(digits), System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
