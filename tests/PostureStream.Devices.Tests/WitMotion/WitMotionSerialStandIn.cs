using System.Threading.Channels;
using PostureStream.Devices.Links;
using PostureStream.Devices.Tests.Support;
using PostureStream.Protocol.WitMotion;

namespace PostureStream.Devices.Tests.WitMotion;

/// <summary>
/// A WitMotion serial sensor as its datasheet describes it, on the device end of a PTY: per output period it sends
/// acceleration, angular velocity and angle packets (11 bytes, checksummed), and it obeys register commands
/// (FF AA reg lo hi), which it records. With <see cref="PortBaud"/> set it behaves like a UART at
/// <see cref="SensorBaud"/>: while the host's port is set to another rate, what the host receives is garbage.
/// </summary>
internal sealed class WitMotionSerialStandIn : IAsyncDisposable
{
    private readonly IDeviceLink _device;
    private readonly Channel<WitMotionCommand> _commands = Channel.CreateUnbounded<WitMotionCommand>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private readonly Random _noise = new(7);

    public WitMotionSerialStandIn(IDeviceLink device)
    {
        _device = device;
        _reader = Task.Run(ReadCommandsAsync);
    }

    public ChannelReader<WitMotionCommand> Commands => _commands.Reader;

    public int SensorBaud { get; init; } = 115200;

    /// <summary>Reads the baud rate the host set on its end of the line (null: no UART model, always understood).</summary>
    public Func<uint>? PortBaud { get; init; }

    /// <summary>One output period's packets for the given angles (lying still, 1 g on Z).</summary>
    public static byte[] Cycle(double roll, double pitch, double yaw = 0) =>
    [
        .. WitMotionEncoder.EncodeSerial(WitMotionEncoder.Acceleration(0, 0, 1)),
        .. WitMotionEncoder.EncodeSerial(WitMotionEncoder.AngularVelocity(0, 0, 0)),
        .. WitMotionEncoder.EncodeSerial(WitMotionEncoder.Angle(roll, pitch, yaw)),
    ];

    public async Task SendAsync(byte[] bytes)
    {
        if (PortBaud is { } port && port() != SensorBaud)
        {
            // At the wrong rate a UART samples the wrong bits: what arrives is noise of about the same length.
            bytes = new byte[Math.Max(1, bytes.Length * (int)port() / SensorBaud)];
            _noise.NextBytes(bytes);
        }

        await _device.WriteAsync(bytes, CancellationToken.None);
    }

    /// <summary>Sends a cycle every <paramref name="period"/> until cancelled (for baud detection, which listens in real time).</summary>
    public async Task StreamAsync(TimeSpan period, CancellationToken cancellationToken)
    {
        try
        {
            for (int i = 0; !cancellationToken.IsCancellationRequested; i++)
            {
                await SendAsync(Cycle(i % 10, -5, 0));
                await Task.Delay(period, cancellationToken);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or LinkLostException)
        {
            // Stopped, or the PTY went away.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reader;
        _stop.Dispose();
    }

    private async Task ReadCommandsAsync()
    {
        var decoder = new WitMotionCommandDecoder();
        byte[] buffer = new byte[256];
        try
        {
            while (true)
            {
                int read = await _device.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                ReadOnlySpan<byte> bytes = buffer.AsSpan(0, read);
                while (decoder.TryDecode(ref bytes, out WitMotionCommand command))
                {
                    _commands.Writer.TryWrite(command);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or LinkLostException or ObjectDisposedException)
        {
            // The test is over, or the PTY was unplugged.
        }
    }
}
