using PostureStream.Devices.Discovery;
using PostureStream.Devices.Links;
using PostureStream.Devices.Serial;
using PostureStream.Protocol.WitMotion;

namespace PostureStream.Devices.WitMotion;

/// <summary>
/// Opens a WitMotion serial sensor (USB/TTL, or a BWT901CL paired over Bluetooth SPP as /dev/rfcommN). Without a
/// given baud rate, the first connect tries each of <see cref="WitMotionBauds.Detect"/> (115200, then 9600) and keeps
/// the first at which good packets arrive within <see cref="DetectWindow"/>; later connects reuse it. At 9600 baud —
/// detected or given — a notice says the sensor lowers its output rate and how to switch it to 115200 (once per
/// connector, not on every reconnect).
/// </summary>
public sealed class WitMotionSerialConnector : ILinkConnector
{
    /// <summary>Good packets needed to accept a baud rate.</summary>
    public const int PacketsToAccept = 2;

    private readonly SerialDriver _driver;
    private readonly SerialPortDiscovery _discovery;
    private readonly TimeProvider _time;
    private readonly Action<string> _notice;
    private bool _slowBaudTold;

    public WitMotionSerialConnector(string path, int? baudRate, TimeProvider? time = null, Action<string>? notice = null, SerialDriver? driver = null, SerialPortDiscovery? discovery = null)
    {
        Path = path;
        BaudRate = baudRate;
        _time = time ?? TimeProvider.System;
        _notice = notice ?? (_ => { });
        _driver = driver ?? SerialDrivers.Default;
        _discovery = discovery ?? new SerialPortDiscovery();
    }

    public string Path { get; }

    /// <summary>The baud rate in use: the given one, or the detected one after the first connect (null before).</summary>
    public int? BaudRate { get; private set; }

    /// <summary>How long each candidate baud rate is listened to. Default 1.5 s (the factory 10 Hz sends 40 packets in it).</summary>
    public TimeSpan DetectWindow { get; init; } = TimeSpan.FromSeconds(1.5);

    public Transport Transport => Transport.Serial;

    public string Description => "witmotion-serial:" + Path;

    public bool AcceptsCommands => true;

    public bool Reconnects => true;

    public async Task<IDeviceLink> ConnectAsync(CancellationToken cancellationToken)
    {
        if (BaudRate is { } known)
        {
            IDeviceLink opened = SerialLinkOpener.Open(Path, known, _driver, _discovery, _time);
            TellIfSlow(known);
            return opened;
        }

        foreach (int baud in WitMotionBauds.Detect)
        {
            IDeviceLink link = SerialLinkOpener.Open(Path, baud, _driver, _discovery, _time);
            if (await HearsPacketsAsync(link, cancellationToken))
            {
                BaudRate = baud;
                TellIfSlow(baud);

                return link;
            }

            await link.DisposeAsync();
        }

        throw new SourceOpenException(
            SourceOpenFailure.NoDeviceAnswered,
            $"no WitMotion packets on {Path} at {string.Join(" or ", WitMotionBauds.Detect)} baud within {DetectWindow.TotalSeconds:0.#} s each; " +
            "is the sensor powered and sending (its LED blinks)? Give the rate with ?baud=N if it was set to another one");
    }

    private void TellIfSlow(int baud)
    {
        if (baud == 9600 && !_slowBaudTold)
        {
            _slowBaudTold = true;
            _notice(SlowBaudNotice(Path));
        }
    }

    /// <summary>What to tell a user whose sensor runs at 9600 baud.</summary>
    public static string SlowBaudNotice(string path) =>
        $"{path}: the WitMotion sensor talks at 9600 baud, where it lowers its output rate to what fits (about 20 Hz with the default packets); " +
        "switch it to 115200 once: send FF AA 69 88 B5 (unlock), FF AA 04 06 00 (baud 115200), FF AA 00 00 00 (save) at 9600 baud, " +
        "e.g. with WitMotion's configuration software, then use ?baud=115200";

    private async Task<bool> HearsPacketsAsync(IDeviceLink link, CancellationToken cancellationToken)
    {
        var decoder = new WitMotionSerialDecoder();
        byte[] buffer = new byte[512];
        using var window = new CancellationTokenSource(DetectWindow, _time);
        using var both = CancellationTokenSource.CreateLinkedTokenSource(window.Token, cancellationToken);
        try
        {
            while (decoder.Stats.Packets + decoder.Stats.SkippedTypes < PacketsToAccept)
            {
                int read = await link.ReadAsync(buffer, both.Token);
                ReadOnlySpan<byte> bytes = buffer.AsSpan(0, read);
                while (decoder.TryDecode(ref bytes, out _))
                {
                }
            }

            return true;
        }
        catch (OperationCanceledException) when (window.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
