using PostureStream.Testing;
using System.Net;
using System.Net.Sockets;
using PostureStream.Devices.Links;
using PostureStream.Devices.Serial;
using PostureStream.Devices.Session;
using PostureStream.Devices.Tests.Support;
using PostureStream.Protocol;
using PostureStream.Vocabulary;

namespace PostureStream.Devices.Tests;

/// <summary>Pulling the cable (closing the PTY master) and dropping TCP: the stream continues with a marked gap.</summary>
public sealed class ReconnectTests
{
    private static readonly HelloMessage Hello = new(0xFEED_0000_0000_BEEF, 1, 0, 0, 100, SensorMask.Both, "");

    // Real time here (the PTY reappears when it does); short backoff keeps the test quick.
    private static readonly DeviceSessionOptions FastReconnect = new()
    {
        ReconnectInitialDelay = TimeSpan.FromMilliseconds(20),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
    };

    [Theory]
    [InlineData(SerialDriver.Termios, "hung up")]
    [InlineData(SerialDriver.Ports, "link lost")]
    public async Task Unplug_ThenANewPtyAtTheSamePath_ReconnectsAndContinuesTheStreamWithAGapMarked(SerialDriver driver, string lostBecause)
    {
        using var dir = new TempDirectory();
        await using var pty = TestPty.Create(dir.Sub("by-id-sensor"));
        var device = new ScriptedDevice(pty.Master, firstSeq: 10);
        var session = new DeviceSession(new SerialConnector(pty.LinkPath, 115200, driver: driver), FastReconnect);
        using var events = new EventRecorder(session);
        await session.StartAsync(CancellationToken.None);
        await device.AnswerHandshakeAsync(Hello);
        await device.SendSamplesAsync(firstTick: 0, frames: 3);
        for (int i = 0; i < 3; i++)
        {
            await events.NextAsync<SamplesReceived>();
        }

        // Half a frame is on the wire when the cable goes.
        byte[] torn = device.Frame(ScriptedDevice.Samples(999_999, 4));
        await pty.Master.WriteAsync(torn.AsMemory(0, torn.Length / 2), CancellationToken.None);
        await device.DisposeAsync();
        await pty.UnplugAsync();
        LinkLost lost = await events.NextAsync<LinkLost>();
        pty.Replug();
        device = new ScriptedDevice(pty.Master, firstSeq: 5000); // the device restarted its counter
        await device.AnswerHandshakeAsync(Hello);
        LinkRestored restored = await events.NextAsync<LinkRestored>();
        await device.SendSamplesAsync(firstTick: 2_000_000, frames: 2);
        SamplesReceived after = await events.NextAsync<SamplesReceived>();
        await events.NextAsync<SamplesReceived>();
        await device.DisposeAsync();
        await session.DisposeAsync();
        await events.Completed;

        Assert.True(lost.Reason.Contains(lostBecause, StringComparison.Ordinal), lost.Reason);
        Assert.Equal(1, restored.Reconnects);
        Assert.Equal(2_000_000u, after.Frame.Samples[0].TickMicroseconds);
        IReadOnlyList<DeviceEvent> all = events.All;
        Assert.True(IndexOf<LinkLost>(all) < IndexOf<LinkRestored>(all));
        Assert.Single(all.OfType<DeviceIdentified>()); // the same device, not a new one
        Assert.Equal(5, all.OfType<SamplesReceived>().Count()); // the torn frame is dropped, not glued to the next
        LinkStats[] stats = [.. all.OfType<LinkStatsReported>().Select(s => s.Stats)];
        Assert.Equal(1, stats.Sum(s => s.Reconnects));
        Assert.Equal(0, stats.Sum(s => s.LostFrames)); // a seq restart across a reconnect is not loss
        Assert.Equal(0, stats.Sum(s => s.CrcErrors + s.CobsErrors));
    }

    [Fact]
    public async Task TcpDrop_ReconnectsToTheSameDevice()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        await using var session = new DeviceSession(new TcpConnector("127.0.0.1", port), FastReconnect);
        using var events = new EventRecorder(session);

        Task start = session.StartAsync(CancellationToken.None);
        using (TcpClient first = await listener.AcceptTcpClientAsync())
        {
            await start;
            await using var device = new ScriptedDevice(new TcpTestLink(first));
            await device.AnswerHandshakeAsync(Hello);
            await device.SendSamplesAsync(firstTick: 0, frames: 1);
            await events.NextAsync<SamplesReceived>();
        }

        await events.NextAsync<LinkLost>();
        using TcpClient second = await listener.AcceptTcpClientAsync();
        await using var again = new ScriptedDevice(new TcpTestLink(second));
        await again.AnswerHandshakeAsync(Hello);
        await events.NextAsync<LinkRestored>();
        await again.SendSamplesAsync(firstTick: 50_000, frames: 1);
        SamplesReceived continued = await events.NextAsync<SamplesReceived>();

        Assert.Equal(50_000u, continued.Frame.Samples[0].TickMicroseconds);
        Assert.Equal(Transport.Tcp, session.Transport);
    }

    [Fact]
    public async Task CommandWhileTheLinkIsDown_FailsWithLinkLost()
    {
        using var dir = new TempDirectory();
        await using var pty = TestPty.Create(dir.Sub("sensor"));
        await using var device = new ScriptedDevice(pty.Master);
        await using var session = new DeviceSession(new SerialConnector(pty.LinkPath, 115200), FastReconnect);
        using var events = new EventRecorder(session);
        await session.StartAsync(CancellationToken.None);
        await device.AnswerHandshakeAsync(Hello);

        await pty.UnplugAsync();
        await events.NextAsync<LinkLost>();

        await Assert.ThrowsAsync<LinkLostException>(() => session.BuzzAsync(BuzzPattern.Short, TimeSpan.FromMilliseconds(100), 10, CancellationToken.None));
    }

    private static int IndexOf<T>(IReadOnlyList<DeviceEvent> events) => events.ToList().FindIndex(e => e is T);

    /// <summary>The device end of a TCP connection, as a link the scripted device can drive.</summary>
    private sealed class TcpTestLink(TcpClient client) : IDeviceLink
    {
        private readonly NetworkStream _stream = client.GetStream();

        public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        {
            try
            {
                int read = await _stream.ReadAsync(buffer, cancellationToken);
                return read > 0 ? read : throw new LinkLostException("closed");
            }
            catch (IOException e) when (e is not LinkLostException)
            {
                throw new LinkLostException("closed", e);
            }
        }

        public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) => _stream.WriteAsync(bytes, cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
