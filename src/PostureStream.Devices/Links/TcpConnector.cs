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

    public Transport Transport => Transport.Tcp;

    public string Description => $"tcp://{(Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host)}:{Port}";

    public bool AcceptsCommands => true;

    public bool Reconnects => true;

    public async Task<IDeviceLink> ConnectAsync(CancellationToken cancellationToken)
    {
        var client = new TcpClient { NoDelay = true };
        try
        {
            await client.ConnectAsync(Host, Port, cancellationToken);
            EnableKeepAlive(client.Client);
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

    /// <summary>A peer that vanishes without closing (power cut, cable) is noticed within about 25 s, then reconnected.</summary>
    private static void EnableKeepAlive(Socket socket)
    {
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
        socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 10);
        socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 5);
        socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 3);
    }
}
