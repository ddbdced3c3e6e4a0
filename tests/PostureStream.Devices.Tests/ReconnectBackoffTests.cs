using PostureStream.Testing;
using System.Net;
using System.Net.Sockets;
using PostureStream.Devices.Links;
using PostureStream.Devices.Session;
using PostureStream.Devices.Tests.Support;
using PostureStream.Protocol;

namespace PostureStream.Devices.Tests;

/// <summary>
/// A peer that accepts and hangs up at once must not be hammered: the wait between reconnects keeps growing
/// until a link delivers a valid frame. Real loopback sockets, virtual session clock.
/// </summary>
public sealed class ReconnectBackoffTests
{
    // Only the reconnect waits are one-shot timers under a minute here: command retries and the HELLO hold
    // are pushed out of the way, and the idle watchdog is off (these peers are never silent for long).
    private static readonly DeviceSessionOptions Options = new()
    {
        ReconnectInitialDelay = TimeSpan.FromMilliseconds(250),
        ReconnectMaxDelay = TimeSpan.FromSeconds(2),
        CommandRetryDelay = TimeSpan.FromHours(1),
        HelloHold = TimeSpan.FromHours(1),
        IdleTimeout = Timeout.InfiniteTimeSpan,
    };

    [Fact]
    public async Task PeerThatAcceptsAndCloses_GetsGrowingWaits_UntilALinkDeliversAFrame()
    {
        // Connections 1–5 hang up at once, 6 sends a HELLO first, 7 hangs up at once again.
        bool[] sendsHello = [false, false, false, false, false, true, false];
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var stop = new CancellationTokenSource();
        Task peer = ServeAsync(listener, sendsHello, stop.Token);
        var time = new ManualTimeProvider();
        await using var session = new DeviceSession(new TcpConnector("127.0.0.1", ((IPEndPoint)listener.LocalEndpoint).Port), Options, time);
        using var events = new EventRecorder(session);
        await session.StartAsync(CancellationToken.None);

        var waits = new List<TimeSpan>();
        foreach (bool _ in sendsHello)
        {
            TimeSpan wait = await time.WaitForOneShotAsync(d => d < TimeSpan.FromMinutes(1));
            waits.Add(wait);
            time.Advance(wait);
        }

        await peer.WaitAsync(LinkExtensions.Patience);
        await stop.CancelAsync();

        Assert.Equal([250, 500, 1000, 2000, 2000, 250, 500], waits.Select(w => w.TotalMilliseconds));
        Assert.Equal(sendsHello.Length, events.All.OfType<LinkLost>().Count());
        Assert.Contains(events.All.OfType<DeviceIdentified>(), e => e.Identity.IsFromHello);
    }

    /// <summary>Accepts one connection per script entry; hangs up at once, or sends a HELLO, then half-closes and waits for the session to hang up.</summary>
    private static async Task ServeAsync(TcpListener listener, bool[] sendsHello, CancellationToken cancellationToken)
    {
        var buffer = new byte[256];
        foreach (bool hello in sendsHello)
        {
            using TcpClient client = await listener.AcceptTcpClientAsync(cancellationToken);
            if (!hello)
            {
                continue;
            }

            NetworkStream stream = client.GetStream();
            await stream.WriteAsync(PspEncoder.Encode(new HelloMessage(0xC0FFEE, 1, 0, 0, 100, SensorMask.Both, "brief") { Seq = 1 }), cancellationToken);
            // A FIN, not a reset, so the HELLO cannot be thrown away unread; the session then closes its end.
            client.Client.Shutdown(SocketShutdown.Send);
            while (await stream.ReadAsync(buffer, cancellationToken) > 0)
            {
            }
        }
    }
}
