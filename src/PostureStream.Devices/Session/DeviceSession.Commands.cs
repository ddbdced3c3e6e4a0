using PostureStream.Devices.Links;
using PostureStream.Protocol;

namespace PostureStream.Devices.Session;

/// <summary>Host → device commands: seq numbers, ACK tracking and the one retry, and the write path.</summary>
public sealed partial class DeviceSession
{
    /// <summary>Sends a host → device command (START, STOP, BUZZ) and completes with the device's ACK result.</summary>
    /// <exception cref="CommandNotAcknowledgedException">No ACK came to the command or to its one retry.</exception>
    /// <exception cref="LinkLostException">The link is down (being reconnected) or broke while sending.</exception>
    public Task<AckResult> SendCommandAsync(PspMessage command, CancellationToken cancellationToken)
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

    /// <summary>Buzzes the wearer. <paramref name="intensity"/> is 0–100; <paramref name="duration"/> at most 65.535 s.</summary>
    public Task<AckResult> BuzzAsync(BuzzPattern pattern, TimeSpan duration, byte intensity, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(intensity, (byte)100);
        if (duration < TimeSpan.Zero || duration.TotalMilliseconds > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "a buzz lasts 0 to 65.535 s");
        }

        return SendCommandAsync(new BuzzMessage(pattern, (ushort)duration.TotalMilliseconds, intensity), cancellationToken);
    }

    /// <summary>Asks the device to stream (0 keeps its current rate).</summary>
    public Task<AckResult> StartStreamingAsync(ushort sampleRateHz, CancellationToken cancellationToken) =>
        SendCommandAsync(new StartMessage(sampleRateHz), cancellationToken);

    public Task<AckResult> StopStreamingAsync(CancellationToken cancellationToken) =>
        SendCommandAsync(new StopMessage(), cancellationToken);

    private void SendIdentify()
    {
        ushort seq = NextSeq();
        _ = WriteQuietlyAsync(PspEncoder.Encode(new IdentifyMessage { Seq = seq }));
    }

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
