namespace PostureStream.Devices.Serial;

/// <summary>
/// Which code opens a <c>serial:</c> port (<c>driver=</c> on the source). Termios is our own Linux link
/// (exclusive open, any baud rate, hang-up detection, USB identity); Ports is System.IO.Ports, the only
/// backend on Windows and macOS, selectable on Linux so one contract suite runs against both.
/// </summary>
public enum SerialDriver
{
    Termios,
    Ports,
}

/// <summary>The driver names of <c>driver=</c> and the default of this platform.</summary>
public static class SerialDrivers
{
    public const string Names = "termios (Linux only) or ports (System.IO.Ports)";

    /// <summary>Termios on Linux, System.IO.Ports everywhere else.</summary>
    public static SerialDriver Default => OperatingSystem.IsLinux() ? SerialDriver.Termios : SerialDriver.Ports;

    public static bool TryParse(string text, out SerialDriver driver)
    {
        switch (text.ToLowerInvariant())
        {
            case "termios":
                driver = SerialDriver.Termios;
                return true;
            case "ports":
                driver = SerialDriver.Ports;
                return true;
            default:
                driver = Default;
                return false;
        }
    }
}
