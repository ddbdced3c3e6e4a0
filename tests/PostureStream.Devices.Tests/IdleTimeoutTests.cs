using PostureStream.Testing;
using System.Net;
using System.Net.Sockets;
using PostureStream.Devices.Links;
using PostureStream.Devices.Session;
using PostureStream.Devices.Tests.Support;
using PostureStream.Protocol;

namespace PostureStream.Devices.Tests;

/// <summary>
/// A peer that stays connected but sends nothing is dropped, reopened and the gap marked. Real loopback
/// sockets; the session's clock is virtual, so 15 s of silence take no time.
/// </summary>
public sealed class IdleTimeoutTests
{
    private static readonly TimeSpan Idle = DeviceSessionOptions.DefaultIdleTimeout;

    [Fact]
    public async Task SilentTcpPeer_IsDroppedAfterTheIdleTimeout_AndReconnectedWithTheGapMarked()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var time = new ManualTimeProvider();
        DateTimeOffset start = time.GetUtcNow();
        await using var session = new DeviceSession(new TcpConnector("127.0.0.1", Port(listener)), DeviceSessionOptions.Default, time);
        using var events = new EventRecorder(session);
        Task<TcpClient> firstAccept = listener.AcceptTcpClientAsync();
        await session.StartAsync(CancellationToken.None);
        using TcpClient silent = await firstAccept.WaitAsync(LinkExtensions.Patience);
        await time.WaitForOneShotAsync(d => d == Idle); // the watchdog is armed

        time.Advance(Idle - TimeSpan.FromMilliseconds(100));
        bool lostTooEarly = events.All.OfType<LinkLost>().Any();
        Task<TcpClient> secondAccept = listener.AcceptTcpClientAsync();
        time.Advance(TimeSpan.FromMilliseconds(100));
        LinkLost lost = await events.NextAsync<LinkLost>();
        await ReadUntilClosedAsync(silent); // the session hung up on the silent peer
        TimeSpan retryIn = await time.WaitForOneShotAsync(d => d == DeviceSessionOptions.Default.ReconnectInitialDelay);
        time.Advance(retryIn);
        using TcpClient second = await secondAccept.WaitAsync(LinkExtensions.Patience);
        LinkRestored restored = await events.NextAsync<LinkRestored>();

        Assert.False(lostTooEarly);
        Assert.Equal($"tcp://127.0.0.1:{Port(listener)}: no data for 15 s", lost.Reason);
        Assert.Equal(start + Idle, lost.At);
        Assert.Equal(1, restored.Reconnects);
    }

    [Fact]
    public async Task BytesRestartTheSilence_SoAStreamingPeerIsNeverDropped()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var time = new ManualTimeProvider();
        DateTimeOffset start = time.GetUtcNow();
        await using var session = new DeviceSession(new TcpConnector("127.0.0.1", Port(listener)), DeviceSessionOptions.Default, time);
        using var events = new EventRecorder(session);
        Task<TcpClient> accept = listener.AcceptTcpClientAsync();
        await session.StartAsync(CancellationToken.None);
        using TcpClient peer = await accept.WaitAsync(LinkExtensions.Patience);
        await time.WaitForOneShotAsync(d => d == Idle);

        time.Advance(TimeSpan.FromSeconds(10));
        await peer.GetStream().WriteAsync(PspEncoder.Encode(new HelloMessage(0xBEEF, 1, 2, 3, 100, SensorMask.Both, "kept") { Seq = 1 }));
        await NextHelloIdentityAsync(events);
        time.Advance(Idle - TimeSpan.FromMilliseconds(100)); // 24.9 s since connect, 14.9 s since the HELLO
        bool lostEarly = events.All.OfType<LinkLost>().Any();
        time.Advance(TimeSpan.FromMilliseconds(100));
        LinkLost lost = await events.NextAsync<LinkLost>();

        Assert.False(lostEarly);
        Assert.Equal(start + TimeSpan.FromSeconds(10) + Idle, lost.At);
        Assert.Contains("no data for 15 s", lost.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TcpLink_HasKeepAliveOn_ProbingAfter10sEvery5sThreeTimes()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Task<TcpClient> accept = listener.AcceptTcpClientAsync();
        await using IDeviceLink link = await new TcpConnector("127.0.0.1", Port(listener)).ConnectAsync(CancellationToken.None);
        using TcpClient peer = await accept.WaitAsync(LinkExtensions.Patience);

        Socket socket = Assert.IsType<TcpLink>(link).Socket;

        Assert.NotEqual(0, (int)socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive)!);
        Assert.Equal(10, (int)socket.GetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime)!);
        Assert.Equal(5, (int)socket.GetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval)!);
        Assert.Equal(3, (int)socket.GetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount)!);
    }

    [Fact]
    public void Options_RejectAZeroIdleTimeout_ButAcceptOff()
    {
        var zero = new DeviceSessionOptions { IdleTimeout = TimeSpan.Zero };

        var error = Assert.Throws<ArgumentOutOfRangeException>(zero.Validate);
        new DeviceSessionOptions { IdleTimeout = Timeout.InfiniteTimeSpan }.Validate();

        Assert.Equal(nameof(DeviceSessionOptions.IdleTimeout), error.ParamName);
    }

    private static int Port(TcpListener listener) => ((IPEndPoint)listener.LocalEndpoint).Port;

    private static async Task NextHelloIdentityAsync(EventRecorder events)
    {
        while (!(await events.NextAsync<DeviceIdentified>()).Identity.IsFromHello)
        {
        }
    }

    private static async Task ReadUntilClosedAsync(TcpClient client)
    {
        using var timeout = new CancellationTokenSource(LinkExtensions.Patience);
        var buffer = new byte[256];
        while (await client.GetStream().ReadAsync(buffer, timeout.Token) > 0)
        {
            // IDENTIFY and START from the handshake, then the end.
        }
    }
}
