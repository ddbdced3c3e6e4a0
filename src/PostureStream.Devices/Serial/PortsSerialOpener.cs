using System.IO.Ports;
using PostureStream.Devices.Links;

namespace PostureStream.Devices.Serial;

/// <summary>
/// Opens a port through System.IO.Ports: raw 8N1, no flow control, no timeouts (reads wait for bytes).
/// Its exceptions say little ("Access to the port is denied" for nearly everything), so the message
/// is built here from what can be checked: whether the port exists, and the ports that do.
/// </summary>
public static class PortsSerialOpener
{
    public static IDeviceLink Open(string path, int baudRate)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (baudRate is <= 0 or > BaudRates.Maximum)
        {
            throw new SourceOpenException(SourceOpenFailure.UnsupportedBaudRate, $"baud rate {baudRate} is not supported; use one of {BaudRates.StandardList}");
        }

        var port = new SerialPort(path, baudRate, Parity.None, 8, StopBits.One)
        {
            Handshake = Handshake.None,
            ReadBufferSize = 64 * 1024,
        };
        try
        {
            port.Open();
            RaiseDtr(port);
            port.DiscardInBuffer();
            return new PortsSerialLink(port, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            port.Dispose();
            throw OpenError(path, baudRate, e);
        }
    }

    /// <summary>USB CDC devices send only while DTR is up; a PTY has no modem lines, which is no error here.</summary>
    private static void RaiseDtr(SerialPort port)
    {
        try
        {
            port.DtrEnable = true;
        }
        catch (IOException)
        {
        }
    }

    private static SourceOpenException OpenError(string path, int baudRate, Exception e)
    {
        string known = DescribePorts();
        if (!PortExists(path))
        {
            return new SourceOpenException(SourceOpenFailure.NotFound, $"serial port '{path}' does not exist; {known}");
        }

        return e switch
        {
            UnauthorizedAccessException => new SourceOpenException(SourceOpenFailure.PermissionDenied, $"cannot open '{path}': access denied — another program may hold it, or you may lack the permission to open it; {known}"),
            ArgumentException => new SourceOpenException(SourceOpenFailure.UnsupportedBaudRate, $"'{path}' does not take {baudRate} baud: {e.Message}; use one of {BaudRates.StandardList}"),
            _ => new SourceOpenException(SourceOpenFailure.Other, $"cannot open '{path}': {e.Message}; {known}"),
        };
    }

    /// <summary>On Windows a COM port is a name, not a file: ask the port list. Elsewhere it is a device node.</summary>
    internal static bool PortExists(string path) =>
        OperatingSystem.IsWindows()
            ? SerialPort.GetPortNames().Contains(path, StringComparer.OrdinalIgnoreCase)
            : File.Exists(path);

    private static string DescribePorts()
    {
        string[] names = SerialPort.GetPortNames();
        return names.Length == 0 ? "no serial ports were found (is the sensor plugged in?)" : "ports found: " + string.Join(", ", names.Order(StringComparer.Ordinal));
    }
}
