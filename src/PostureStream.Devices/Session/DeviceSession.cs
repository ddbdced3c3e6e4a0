using System.Globalization;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using PostureStream.Devices.Links;
using PostureStream.Protocol;

namespace PostureStream.Devices.Session;

/// <summary>
/// One device behind one source. On connect it sends IDENTIFY and START, holds early frames until the
/// HELLO (or 2 s, then the defaults), decodes the byte stream into <see cref="Events"/> (whole SAMPLES
/// frames, never single samples), tracks commands until their ACK (one retry, same seq), reports
/// link_stats every interval, and reopens a lost link with capped exponential backoff, marking the gap
/// with <see cref="LinkLost"/> and <see cref="LinkRestored"/>. A live link that stays silent for
/// <see cref="DeviceSessionOptions.IdleTimeout"/> counts as lost. The backoff starts over only once a link has
/// delivered a valid frame. The session owns its connector.
/// </summary>
/// <remarks>
/// Subscribe to <see cref="Events"/> before <see cref="StartAsync"/>: it is hot. Events are delivered one
/// at a time, in order, on the session's reader (or timer) thread.
/// </remarks>
public sealed partial class DeviceSession : IAsyncDisposable
{
    private readonly ILinkConnector _connector;
    private readonly DeviceSessionOptions _options;
    private readonly TimeProvider _time;
    private readonly Subject<DeviceEvent> _events = new();
    private readonly Lock _gate = new();
    private readonly PspStreamDecoder _decoder = new();
    private readonly HelloHold _hold;
    private readonly CommandTracker _commands;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly TickUnwrapper _deviceTicks = new();
    private LinkStatsCounter? _stats;
    private long? _statsStartMicros;
    private long? _holdStartMicros;
    private volatile IDeviceLink? _link;
    private SessionIdentity? _identity;
    private ITimer? _holdTimer;
    private ITimer? _identifyTimer;
    private ITimer? _statsTimer;
    private Task? _loop;
    private long _samples;
    private int _reconnects;
    // A random first seq: a device that remembers the last command seq of an earlier run or of the
    // serial:auto probe must not take this session's first commands for repeats (firmware-protocol/SPEC.md).
    private int _hostSeq = Random.Shared.Next(ushort.MaxValue + 1);
    private bool _finished;

    public DeviceSession(ILinkConnector connector, DeviceSessionOptions? options = null, TimeProvider? time = null)
    {
        _connector = connector ?? throw new ArgumentNullException(nameof(connector));
        _options = options ?? DeviceSessionOptions.Default;
        _options.Validate();
        _time = time ?? TimeProvider.System;
        _hold = new HelloHold(_options.MaxHeldFrames);
        _commands = new CommandTracker(_time, _options.CommandRetryDelay, WriteFrameAsync);
    }

    /// <summary>Everything the device says, in order; completes when the source ends or the session is disposed.</summary>
    public IObservable<DeviceEvent> Events => _events.AsObservable();

    /// <summary>The identity in force (null until the HELLO or the end of the hold).</summary>
    public SessionIdentity? Identity
    {
        get
        {
            lock (_gate)
            {
                return _identity;
            }
        }
    }

    public Transport Transport => _connector.Transport;

    public string Description => _connector.Description;

    /// <summary>False for sources that take no commands (a capture file): nothing to buzz.</summary>
    public bool AcceptsCommands => _connector.AcceptsCommands;

    /// <summary>Completes when the source has ended (a capture file) or the session was disposed.</summary>
    public Task Completion => _completion.Task;

    /// <summary>
    /// Opens the link, sends IDENTIFY and START and starts reading. A source that cannot be opened
    /// throws <see cref="SourceOpenException"/> (exit code 2 on the command line); after this, a lost link is reopened.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_loop is not null)
        {
            throw new InvalidOperationException("the session is already started");
        }

        IDeviceLink link = await _connector.ConnectAsync(cancellationToken);
        lock (_gate)
        {
            _stats = new LinkStatsCounter(_connector.Transport, _time.GetUtcNow());
            _hold.Begin();
            if (PacedByWallClock)
            {
                _statsTimer = _time.CreateTimer(_ => Guard(ReportStats), null, _options.StatsInterval, _options.StatsInterval);
                _holdTimer = _time.CreateTimer(_ => Guard(EndHold), null, _options.HelloHold, Timeout.InfiniteTimeSpan);
            }
        }

        Attach(link);
        _loop = Task.Run(() => RunAsync(link, _stop.Token), CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }
        else
        {
            Finish();
        }

        if (_connector is IAsyncDisposable owned)
        {
            await owned.DisposeAsync();
        }

        _stop.Dispose();
        _writeLock.Dispose();
    }

    private async Task RunAsync(IDeviceLink link, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        var backoff = new ReconnectBackoff(_options.ReconnectInitialDelay, _options.ReconnectMaxDelay);
        IdleWatchdog? idle = WatchForSilence(cancellationToken);
        try
        {
            while (true)
            {
                int read;
                string? lostReason = null;
                try
                {
                    read = await link.ReadAsync(buffer, idle?.Token ?? cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    break;
                }
                catch (OperationCanceledException) when (idle is { HasExpired: true })
                {
                    read = 0;
                    lostReason = SilenceReason();
                }
                catch (IOException e)
                {
                    read = 0;
                    lostReason = idle is { HasExpired: true } ? SilenceReason() : e.Message;
                }

                if (read > 0)
                {
                    idle?.Kick();
                    if (OnBytes(buffer.AsSpan(0, read), _time.GetUtcNow()))
                    {
                        // Only a link that delivered a valid frame counts as working again: a peer that accepts
                        // and closes (or sends garbage) keeps backing off instead of being retried every 250 ms.
                        backoff.Reset();
                    }

                    continue;
                }

                await DetachAsync(link, lostReason ?? $"{_connector.Description}: end of source");
                if (!_connector.Reconnects)
                {
                    break;
                }

                OnLinkLost(lostReason ?? $"{_connector.Description}: link closed");
                idle?.Dispose();
                idle = null;
                IDeviceLink? reopened = await ReconnectAsync(backoff, cancellationToken);
                if (reopened is null)
                {
                    break;
                }

                link = reopened;
                idle = WatchForSilence(cancellationToken);
                OnLinkRestored(link);
            }

            await DetachCurrentAsync();
            Finish();
        }
        catch (Exception e)
        {
            // A bug in a subscriber or here: end the stream with it rather than hang.
            Finish(e);
            await DetachCurrentAsync();
        }
        finally
        {
            idle?.Dispose();
        }
    }

    private string SilenceReason() =>
        $"{_connector.Description}: no data for {_options.IdleTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";

    /// <summary>A watchdog for a live link's silence; none for finite sources (they end on their own) or when turned off.</summary>
    private IdleWatchdog? WatchForSilence(CancellationToken cancellationToken) =>
        _connector.Reconnects && _options.IdleTimeout != Timeout.InfiniteTimeSpan
            ? new IdleWatchdog(_options.IdleTimeout, _time, cancellationToken)
            : null;

    private async Task DetachCurrentAsync()
    {
        if (_link is { } link)
        {
            await DetachAsync(link, "session stopped");
        }
    }

    private async Task<IDeviceLink?> ReconnectAsync(ReconnectBackoff backoff, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await Task.Delay(backoff.Next(), _time, cancellationToken);
                return await _connector.ConnectAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return null;
            }
            catch (IOException)
            {
                // Still unplugged, not yet given its permissions by udev, or the peer is not listening: wait and try again.
            }
        }
    }

    private void Attach(IDeviceLink link)
    {
        _link = link;
        if (!_connector.AcceptsCommands)
        {
            return;
        }

        lock (_gate)
        {
            if (_identity is null && _identifyTimer is null)
            {
                _identifyTimer = _time.CreateTimer(_ => SendIdentify(), null, _options.IdentifyRetryInterval, _options.IdentifyRetryInterval);
            }
        }

        SendIdentify();
        ushort seq = NextSeq();
        Task<AckResult> start = _commands.SendAsync(PspMessageType.Start, seq, PspEncoder.Encode(new StartMessage(_options.StartSampleRateHz) { Seq = seq }), CancellationToken.None);
        // A device that does not ACK START still streams: nothing waits on this.
        start.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    private async Task DetachAsync(IDeviceLink link, string reason)
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

    /// <summary>Decodes and delivers what arrived; true when it completed at least one valid frame.</summary>
    private bool OnBytes(ReadOnlySpan<byte> bytes, DateTimeOffset at)
    {
        bool decoded = false;
        lock (_gate)
        {
            while (_decoder.TryDecode(ref bytes, out PspFrame frame))
            {
                decoded = true;
                switch (frame.Type)
                {
                    case PspMessageType.Samples:
                        var samples = (SamplesMessage)frame.ToMessage();
                        _samples += samples.Samples.Length;
                        // A reset adds nothing: this clock only has to keep going forward (hold and stats pacing).
                        _deviceTicks.Advance(samples.Samples[^1].TickMicroseconds, resetStepMicroseconds: 0, out _);
                        long deviceMicros = _deviceTicks.DeviceMicroseconds;
                        EndHoldInDeviceTime(deviceMicros, at);
                        Deliver(new SamplesReceived(samples, at));
                        ReportStatsInDeviceTime(deviceMicros, at);
                        break;
                    case PspMessageType.Hello:
                        OnHello((HelloMessage)frame.ToMessage(), at);
                        break;
                    case PspMessageType.Ack:
                        var ack = (AckMessage)frame.ToMessage();
                        _commands.OnAck(ack);
                        Deliver(new MessageReceived(ack, at));
                        break;
                    default:
                        Deliver(new MessageReceived(frame.ToMessage(), at));
                        break;
                }
            }
        }

        return decoded;
    }

    private void OnLinkLost(string reason)
    {
        lock (_gate)
        {
            // Bytes after the gap start a new frame, and the device's seq may have restarted: neither is an error.
            _decoder.ResetStream();
            _decoder.ResetSequence();
            _events.OnNext(new LinkLost(reason, _time.GetUtcNow()));
        }
    }

    private void OnLinkRestored(IDeviceLink link)
    {
        lock (_gate)
        {
            _reconnects++;
            _events.OnNext(new LinkRestored(_reconnects, _time.GetUtcNow()));
        }

        Attach(link);
    }

    /// <summary>A subscriber that throws from a timer's event ends the stream with the error instead of the process.</summary>
    private void Guard(Action onTimer)
    {
        try
        {
            onTimer();
        }
        catch (Exception e)
        {
            Finish(e);
        }
    }

    private void Finish(Exception? error = null)
    {
        lock (_gate)
        {
            if (_finished)
            {
                return;
            }

            if (_identity is null && _hold.IsHolding && error is null)
            {
                TakeDefaults(_time.GetUtcNow());
            }

            StopIdentifying();
            _holdTimer?.Dispose();
            _statsTimer?.Dispose();
            if (_stats is not null && error is null)
            {
                _events.OnNext(new LinkStatsReported(_stats.Take(_decoder.Stats, _samples, _reconnects, _deviceTicks.LastTick, _time.GetUtcNow()), _time.GetUtcNow()));
            }

            _finished = true;
            if (error is null)
            {
                _events.OnCompleted();
            }
            else
            {
                _events.OnError(error);
            }
        }

        _commands.FailAll(new ObjectDisposedException(nameof(DeviceSession), "the session has ended"));
        if (error is null)
        {
            _completion.TrySetResult();
        }
        else
        {
            _completion.TrySetException(error);
        }
    }
}
