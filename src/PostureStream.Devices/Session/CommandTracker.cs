using PostureStream.Protocol;

namespace PostureStream.Devices.Session;

/// <summary>
/// Commands waiting for their ACK. An unACKed command is sent once more after the retry delay, as the
/// same bytes with the same seq (a device that sees the seq again ACKs without acting twice, firmware-protocol/SPEC.md);
/// if the retry is not ACKed within the delay either, the command fails. Timers come from the
/// <see cref="TimeProvider"/>, so tests drive them in virtual time.
/// </summary>
internal sealed class CommandTracker
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _retryDelay;
    private readonly Func<byte[], CancellationToken, ValueTask> _write;
    private readonly Dictionary<ushort, Pending> _pending = [];
    private readonly Lock _gate = new();

    public CommandTracker(TimeProvider time, TimeSpan retryDelay, Func<byte[], CancellationToken, ValueTask> write)
    {
        _time = time;
        _retryDelay = retryDelay;
        _write = write;
    }

    /// <summary>Sends <paramref name="frame"/> (type <paramref name="type"/>, seq <paramref name="seq"/>) and completes with the device's ACK result.</summary>
    public async Task<AckResult> SendAsync(PspMessageType type, ushort seq, byte[] frame, CancellationToken cancellationToken)
    {
        var pending = new Pending(type, seq, frame);
        lock (_gate)
        {
            if (_pending.Remove(seq, out Pending? stale))
            {
                stale.Fail(new InvalidOperationException($"seq {seq} was reused before its ACK came"));
            }

            _pending[seq] = pending;
            // The retry timer exists before the bytes leave, so a reply or a clock step can never beat it.
            pending.Timer = _time.CreateTimer(OnTimer, pending, _retryDelay, Timeout.InfiniteTimeSpan);
        }

        try
        {
            await _write(frame, cancellationToken);
        }
        catch (Exception e)
        {
            Remove(pending)?.Fail(e);
            throw;
        }

        await using CancellationTokenRegistration registration = cancellationToken.Register(() => Remove(pending)?.Cancel(cancellationToken));
        return await pending.Result.Task;
    }

    /// <summary>Completes the command an ACK answers; false when no command waits for it.</summary>
    public bool OnAck(AckMessage ack)
    {
        Pending? pending;
        lock (_gate)
        {
            if (!_pending.TryGetValue(ack.AckedSeq, out pending) || pending.Type != ack.AckedType)
            {
                return false;
            }

            _pending.Remove(ack.AckedSeq);
        }

        pending.Complete(ack.Result);
        return true;
    }

    /// <summary>Fails every waiting command, e.g. when the link is lost.</summary>
    public void FailAll(Exception reason)
    {
        List<Pending> all;
        lock (_gate)
        {
            all = [.. _pending.Values];
            _pending.Clear();
        }

        foreach (Pending pending in all)
        {
            pending.Fail(reason);
        }
    }

    private void OnTimer(object? state)
    {
        var pending = (Pending)state!;
        bool retry;
        lock (_gate)
        {
            if (!_pending.TryGetValue(pending.Seq, out Pending? current) || current != pending)
            {
                return; // ACKed, cancelled or failed meanwhile
            }

            retry = !pending.Retried;
            if (retry)
            {
                pending.Retried = true;
                pending.Timer?.Change(_retryDelay, Timeout.InfiniteTimeSpan);
            }
            else
            {
                _pending.Remove(pending.Seq);
            }
        }

        if (retry)
        {
            _ = RetryAsync(pending);
        }
        else
        {
            pending.Fail(new CommandNotAcknowledgedException(pending.Type, pending.Seq));
        }
    }

    private async Task RetryAsync(Pending pending)
    {
        try
        {
            await _write(pending.Frame, CancellationToken.None);
        }
        catch (Exception e)
        {
            Remove(pending)?.Fail(e);
        }
    }

    private Pending? Remove(Pending pending)
    {
        lock (_gate)
        {
            return _pending.TryGetValue(pending.Seq, out Pending? current) && current == pending && _pending.Remove(pending.Seq) ? pending : null;
        }
    }

    private sealed class Pending(PspMessageType type, ushort seq, byte[] frame)
    {
        public PspMessageType Type { get; } = type;

        public ushort Seq { get; } = seq;

        public byte[] Frame { get; } = frame;

        public bool Retried { get; set; }

        public ITimer? Timer { get; set; }

        public TaskCompletionSource<AckResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Complete(AckResult result)
        {
            Timer?.Dispose();
            Result.TrySetResult(result);
        }

        public void Fail(Exception e)
        {
            Timer?.Dispose();
            Result.TrySetException(e);
        }

        public void Cancel(CancellationToken token)
        {
            Timer?.Dispose();
            Result.TrySetCanceled(token);
        }
    }
}
