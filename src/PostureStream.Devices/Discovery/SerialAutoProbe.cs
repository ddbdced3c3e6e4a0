using PostureStream.Devices.Links;
using PostureStream.Devices.Serial;
using PostureStream.Protocol;

namespace PostureStream.Devices.Discovery;

/// <summary>A port whose device answered IDENTIFY, and its HELLO.</summary>
public sealed record ProbeAnswer(SerialPortInfo Port, HelloMessage Hello);

/// <summary>
/// <c>serial:auto</c>: asks every port at once with IDENTIFY and picks the first port, in discovery order,
/// whose device answers with a HELLO within the timeout (2 s by default, README, using it). Ports that cannot be
/// opened (busy, no permission) simply do not answer.
/// </summary>
public static class SerialAutoProbe
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(2);

    public static async Task<ProbeAnswer?> FindAsync(IReadOnlyList<SerialPortInfo> ports, int baudRate, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken, SerialDriver? driver = null)
    {
        using var giveUp = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(giveUp.Token, cancellationToken);
        Task<HelloMessage?>[] probes = [.. ports.Select(p => ProbeAsync(p, baudRate, driver ?? SerialDrivers.Default, linked.Token))];
        try
        {
            for (int i = 0; i < probes.Length; i++)
            {
                HelloMessage? hello = await probes[i];
                if (hello is not null)
                {
                    return new ProbeAnswer(ports[i], hello);
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            return null;
        }
        finally
        {
            await linked.CancelAsync();
            await Task.WhenAll(probes);
        }
    }

    /// <summary>Asks every port at once; the HELLO each answered with (null where none came), in the order of <paramref name="ports"/>.</summary>
    public static async Task<HelloMessage?[]> ProbeEachAsync(IReadOnlyList<SerialPortInfo> ports, int baudRate, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken, SerialDriver? driver = null)
    {
        using var giveUp = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(giveUp.Token, cancellationToken);
        HelloMessage?[] answers = await Task.WhenAll(ports.Select(p => ProbeAsync(p, baudRate, driver ?? SerialDrivers.Default, linked.Token)));
        cancellationToken.ThrowIfCancellationRequested();
        return answers;
    }

    private static async Task<HelloMessage?> ProbeAsync(SerialPortInfo port, int baudRate, SerialDriver driver, CancellationToken cancellationToken)
    {
        IDeviceLink link;
        try
        {
            link = SerialLinkOpener.Open(port.PreferredPath, baudRate, driver);
        }
        catch (SourceOpenException)
        {
            return null;
        }

        await using (link)
        {
            try
            {
                await link.WriteAsync(PspEncoder.Encode(new IdentifyMessage { Seq = (ushort)Random.Shared.Next(ushort.MaxValue + 1) }), cancellationToken);
                var decoder = new PspStreamDecoder();
                var buffer = new byte[1024];
                while (true)
                {
                    int read = await link.ReadAsync(buffer, cancellationToken);
                    if (FindHello(decoder, buffer.AsSpan(0, read)) is { } hello)
                    {
                        return hello;
                    }
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException)
            {
                return null;
            }
        }
    }

    private static HelloMessage? FindHello(PspStreamDecoder decoder, ReadOnlySpan<byte> bytes)
    {
        while (decoder.TryDecode(ref bytes, out PspFrame frame))
        {
            if (frame.Type == PspMessageType.Hello)
            {
                return (HelloMessage)frame.ToMessage();
            }
        }

        return null;
    }
}
