namespace PostureStream.Devices.Discovery;

/// <summary>
/// A serial port with a real device behind it, as sysfs describes it. USB fields are null for on-board UARTs
/// and wherever the kernel does not know them.
/// </summary>
public sealed record SerialPortInfo(string DevicePath, string KernelName, string Driver)
{
    /// <summary>The stable /dev/serial/by-id link to this port, when udev made one.</summary>
    public string? ByIdPath { get; init; }

    /// <summary>USB vendor id, four lowercase hex digits (e.g. "0403").</summary>
    public string? UsbVendorId { get; init; }

    /// <summary>USB product id, four lowercase hex digits (e.g. "6001").</summary>
    public string? UsbProductId { get; init; }

    public string? SerialNumber { get; init; }

    public string? Manufacturer { get; init; }

    public string? Product { get; init; }

    /// <summary>The path to open: the by-id link survives re-plugging into another socket, so it is preferred.</summary>
    public string PreferredPath => ByIdPath ?? DevicePath;

    public bool IsUsb => UsbVendorId is not null;

    /// <summary>"vid:pid", or null for a port that is not on USB.</summary>
    public string? UsbId => IsUsb ? $"{UsbVendorId}:{UsbProductId}" : null;

    /// <summary>One line for a message: the path and what is known about the device.</summary>
    public string Describe()
    {
        var details = new List<string>();
        if (ByIdPath is not null)
        {
            details.Add(ByIdPath);
        }

        if (UsbId is not null)
        {
            details.Add($"USB {UsbId}");
        }

        string? label = string.Join(" ", new[] { Manufacturer, Product }.Where(s => !string.IsNullOrEmpty(s)));
        if (!string.IsNullOrEmpty(label))
        {
            details.Add(label);
        }

        details.Add(Driver);
        return $"{DevicePath} ({string.Join(", ", details)})";
    }
}
