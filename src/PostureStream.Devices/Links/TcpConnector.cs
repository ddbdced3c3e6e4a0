using System.Net.Sockets;

namespace PostureStream.Devices.Links;

/// <summary>Connects to a device (or the simulator) listening on TCP.</summary>
public sealed class TcpConnector : ILinkConnector
{
    public TcpConnector(string host, int port)
    {
        Host = host;
        Port = port;
    }

    public string Host { get; }

    public int Port { get; }

    public string Transport => "tcp";

    public string Description => $"tcp://{(Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host)}:{Port}";

    public bool AcceptsCommands => true;

    public bool Reconnects => true;

    public async Task<IDeviceLink> ConnectAsync(CancellationToken cancellationToken)
    {
        var client = new TcpClient { NoDelay = true };
        try
        {
            await client.ConnectAsync(Host, Port, cancellationToken);
            return new TcpLink(client, Description);
        }
        catch (SocketException e)
        {
            client.Dispose();
            throw new SourceOpenException(SourceOpenFailure.Unreachable, $"cannot connect to {Description}: {e.Message}; is the device (or 'posturestream simulate --out {Description}') listening there?");
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}
