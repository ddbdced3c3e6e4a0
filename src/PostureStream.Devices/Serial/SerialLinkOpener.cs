using PostureStream.Devices.Discovery;
using PostureStream.Devices.Links;

namespace PostureStream.Devices.Serial;

/// <summary>Opens a serial port with the chosen driver; the one place that picks a backend.</summary>
public static class SerialLinkOpener
{
    /// <summary>Opens <paramref name="path"/>; a termios link stamps its reads' arrival with <paramref name="time"/> (default the system clock).</summary>
    public static IDeviceLink Open(string path, int baudRate, SerialDriver driver, SerialPortDiscovery? discovery = null, TimeProvider? time = null)
    {
        if (driver == SerialDriver.Ports)
        {
            return PortsSerialOpener.Open(path, baudRate);
        }

        return OperatingSystem.IsLinux()
            ? SerialPortOpener.Open(path, baudRate, discovery, time)
            : throw new SourceOpenException(SourceOpenFailure.Other, $"driver=termios is Linux-only; on {Environment.OSVersion.Platform} open '{path}' with driver=ports (the default here)");
    }
}
