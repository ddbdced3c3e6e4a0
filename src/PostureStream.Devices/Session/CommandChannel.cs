using PostureStream.Devices.Links;
using PostureStream.Protocol;

namespace PostureStream.Devices.Session;

/// <summary>
/// The command job of a session: host seq numbers (a random first one, so a device that remembers an earlier run's
/// last seq does not take the first command for a repeat), IDENTIFY and START on every connect, commands tracked until
/// their ACK (one retry with the same seq, firmware-protocol/SPEC.md), and the one write path to the current link.
/// </summary>
internal sealed class CommandChannel : IDisposable
{
    private readonly ILinkConnector _connector;
    private readonly DeviceSessionOptions _options;
    private readonly CommandTracker _commands;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private volatile IDeviceLink? _link;
    private int _hostSeq = Random.Shared.Next(ushort.MaxValue + 1);

    public CommandChannel(ILinkConnector connector, DeviceSessionOptions options, TimeProvider time)
    {
        _connector = connector;
        _options = options;
        _commands = new CommandTracker(time, options.CommandRetryDelay, WriteFrameAsync);
    }

    /// <summary>The link commands go to; null while the session reconnects.</summary>
    public IDeviceLink? Link => _link;

    /// <summary>A link (re)opened: commands go to it from now on, and a device that takes commands is asked to identify itself and stream.</summary>
    public void Attach(IDeviceLink link)
    {
        _link = link;
        if (!_connector.AcceptsCommands)
        {
            return;
        }

        SendIdentify();
        ushort seq = NextSeq();
        Task<AckResult> start = _commands.SendAsync(PspMessageType.Start, seq, PspEncoder.Encode(new StartMessage(_options.StartSampleRateHz) { Seq = seq }), CancellationToken.None);
        // A device that does not ACK START still streams: nothing waits on this.
        start.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    /// <summary>The link is gone: commands waiting for an ACK fail with <see cref="LinkLostException"/>, and it is closed once no write uses it.</summary>
    public async Task DetachAsync(IDeviceLink link, string reason)
    {
        _link = null;
        _commands.FailAll(new LinkLostException(reason));
        await _writeLock.WaitAsync(CancellationToken.None);
        try
        {
            await link.DisposeAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Sends START, STOP or BUZZ and completes with the device's ACK result.</summary>
    public Task<AckResult> SendAsync(PspMessage command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!_connector.AcceptsCommands)
        {
            throw new NotSupportedException($"{VocabularyText.ToText(_connector.Transport)} sources take no commands");
        }

        if (PspMessageTypes.DirectionOf((byte)command.Type) != PspDirection.HostToDevice || command.Type == PspMessageType.Identify)
        {
            throw new ArgumentException($"{command.Type} is not a command that is ACKed; send START, STOP or BUZZ", nameof(command));
        }

        ushort seq = NextSeq();
        return _commands.SendAsync(command.Type, seq, PspEncoder.Encode(command with { Seq = seq }), cancellationToken);
    }

    /// <summary>IDENTIFY (not ACKed: the HELLO is the answer). A failed write is left to the read loop, which sees the loss.</summary>
    public void SendIdentify()
    {
        ushort seq = NextSeq();
        _ = WriteQuietlyAsync(PspEncoder.Encode(new IdentifyMessage { Seq = seq }));
    }

    public void OnAck(AckMessage ack) => _ = _commands.OnAck(ack);

    public void FailAll(Exception reason) => _commands.FailAll(reason);

    public void Dispose() => _writeLock.Dispose();

    private async Task WriteQuietlyAsync(byte[] frame)
    {
        try
        {
            await WriteFrameAsync(frame, CancellationToken.None);
        }
        catch (IOException)
        {
            // The read loop sees the loss and reconnects; the next connect sends IDENTIFY again.
        }
        catch (ObjectDisposedException)
        {
            // Stopping.
        }
    }

    private async ValueTask WriteFrameAsync(byte[] frame, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            IDeviceLink link = _link ?? throw new LinkLostException($"{_connector.Description}: the link is down (reconnecting)");
            await link.WriteAsync(frame, cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private ushort NextSeq() => (ushort)Interlocked.Increment(ref _hostSeq);
}
