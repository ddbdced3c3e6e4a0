using System.Net;
using System.Net.Sockets;
namespace PostureStream.Simulation.Device;

/// <summary>
/// Serves a virtual device to one TCP host at a time. While no host is connected the device goes on
/// living and what it sends is lost, as on a serial line nobody reads.
/// </summary>
public sealed class TcpDeviceServer : IDisposable
{
    private readonly object _gate = new();
    private readonly TcpListener _listener;
    private NetworkStream? _current;

    private TcpDeviceServer(TcpListener listener) => _listener = listener;

    public IPEndPoint LocalEndpoint => (IPEndPoint)_listener.LocalEndpoint;

    /// <summary>Binds <paramref name="host"/>:<paramref name="port"/> (a name resolves to its first address).</summary>
    public static async Task<TcpDeviceServer> StartAsync(string host, int port, CancellationToken cancellationToken)
    {
        IPAddress address = IPAddress.TryParse(host, out IPAddress? parsed)
            ? parsed
            : (await Dns.GetHostAddressesAsync(host, cancellationToken)).First();
        var listener = new TcpListener(address, port);
        listener.Start(1);
        return new TcpDeviceServer(listener);
    }

    /// <summary>Serves <paramref name="device"/> until the scenario has been sent or <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(VirtualDevice device, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using IDisposable subscription = device.Output.Subscribe(Send);
        device.PowerOn();
        Task serving = ServeAsync(device, stop.Token);
        await Task.WhenAny(device.Completion, serving, Task.Delay(Timeout.Infinite, cancellationToken));
        await stop.CancelAsync();
        try
        {
            await serving;
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        lock (_gate)
        {
            _current?.Dispose();
        }
    }

    private async Task ServeAsync(VirtualDevice device, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        while (!cancellationToken.IsCancellationRequested)
        {
            using TcpClient client = await _listener.AcceptTcpClientAsync(cancellationToken);
            client.NoDelay = true;
            NetworkStream stream = client.GetStream();
            lock (_gate)
            {
                _current = stream;
            }

            try
            {
                int n;
                while ((n = await stream.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    device.Receive(buffer.AsSpan(0, n));
                }
            }
            catch (IOException)
            {
                // The host went away; wait for the next one.
            }
            finally
            {
                lock (_gate)
                {
                    _current = null;
                }
            }
        }
    }

    private void Send(ReadOnlyMemory<byte> chunk)
    {
        lock (_gate)
        {
            try
            {
                _current?.Write(chunk.Span);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                _current = null;
            }
        }
    }
}
