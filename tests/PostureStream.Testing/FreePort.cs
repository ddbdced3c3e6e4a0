using System.Net;
using System.Net.Sockets;

namespace PostureStream.Testing;

/// <summary>Ports for servers a test starts on 127.0.0.1 and must name up front (so cannot ask for port 0).</summary>
public static class FreePort
{
    /// <summary>A TCP port on 127.0.0.1 that was free a moment ago.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
