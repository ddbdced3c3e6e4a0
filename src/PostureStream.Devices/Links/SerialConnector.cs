using PostureStream.Devices.Discovery;
using PostureStream.Devices.Serial;

namespace PostureStream.Devices.Links;

/// <summary>Opens one serial port path (a /dev node or a by-id link) at a fixed baud rate, as often as asked.</summary>
public sealed class SerialConnector : ILinkConnector
{
    private readonly SerialPortDiscovery _discovery;

    public SerialConnector(string path, int baudRate, SerialPortDiscovery? discovery = null)
    {
        Path = path;
        BaudRate = baudRate;
        _discovery = discovery ?? new SerialPortDiscovery();
    }

    public string Path { get; }

    public int BaudRate { get; }

    public string Transport => "serial";

    public string Description => Path;

    public bool AcceptsCommands => true;

    public bool Reconnects => true;

    public Task<IDeviceLink> ConnectAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(SerialPortOpener.Open(Path, BaudRate, _discovery));
    }
}
