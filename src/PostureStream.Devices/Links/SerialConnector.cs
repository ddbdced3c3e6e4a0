using PostureStream.Devices.Discovery;
using PostureStream.Devices.Serial;

namespace PostureStream.Devices.Links;

/// <summary>Opens one serial port (a /dev node, a by-id link, COM3) at a fixed baud rate with one driver, as often as asked.</summary>
public sealed class SerialConnector : ILinkConnector
{
    private readonly SerialPortDiscovery _discovery;

    public SerialConnector(string path, int baudRate, SerialPortDiscovery? discovery = null, SerialDriver? driver = null)
    {
        Path = path;
        BaudRate = baudRate;
        Driver = driver ?? SerialDrivers.Default;
        _discovery = discovery ?? new SerialPortDiscovery();
    }

    public string Path { get; }

    public int BaudRate { get; }

    public SerialDriver Driver { get; }

    public Transport Transport => Transport.Serial;

    public string Description => Path;

    public bool AcceptsCommands => true;

    public bool Reconnects => true;

    public Task<IDeviceLink> ConnectAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(SerialLinkOpener.Open(Path, BaudRate, Driver, _discovery));
    }
}
