using System.Globalization;
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
/// <para>
/// The session is the read loop and the composition of its jobs, each a small class with its own state and
/// timers: identity (<see cref="SessionHandshake"/>), commands and ACKs (<see cref="CommandChannel"/>),
/// link_stats (<see cref="SessionStats"/>), the idle watchdog (<see cref="IdleWatchdog"/>) and reconnects
/// (<see cref="Reconnector"/>). Its lock only orders what they post; delivery happens after it is released
/// (<see cref="EventOutbox"/>), so the downstream never runs inside it.
/// </para>
/// </summary>
/// <remarks>
/// Subscribe to <see cref="Events"/> before <see cref="StartAsync"/>: it is hot. Events are delivered one
/// at a time, in order, on the session's reader (or timer) thread, outside the session's lock.
/// </remarks>
public sealed class DeviceSession : IAsyncDisposable
{
    private readonly ILinkConnector _connector;
    private readonly DeviceSessionOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly EventOutbox _outbox = new();
    private readonly PspStreamDecoder _decoder = new();
    private readonly SessionHandshake _handshake;
    private readonly CommandChannel _commands;
    private readonly SessionStats _stats;
    private readonly Reconnector _reconnector;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();

    // The session's own pacing clock (hold and link_stats of captures): it only has to keep going forward, so a
    // reset adds nothing. The data's time line is not this one: the signal chain's PSP input unwraps the ticks.
    private readonly TickUnwrapper _pacingTicks = new();
    private Task? _loop;
    private bool _started;
    private bool _finished;

    public DeviceSession(ILinkConnector connector, DeviceSessionOptions? options = null, TimeProvider? time = null)
    {
        _connector = connector ?? throw new ArgumentNullException(nameof(connector));
        _options = options ?? DeviceSessionOptions.Default;
        _options.Validate();
        _time = time ?? TimeProvider.System;
        _commands = new CommandChannel(_connector, _options, _time);
        _handshake = new SessionHandshake(_gate, _outbox, _options, _time, PacedByWallClock, _commands.SendIdentify, Guard);
        _stats = new SessionStats(_gate, _outbox, _time, _options.StatsInterval, PacedByWallClock, _decoder, _connector.Transport, Guard);
        _reconnector = new Reconnector(_connector, _options, _time);
    }

    /// <summary>Everything the device says, in order; completes when the source ends or the session is disposed.</summary>
    public IObservable<DeviceEvent> Events => _outbox.Events;

    /// <summary>The identity in force (null until the HELLO or the end of the hold).</summary>
    public SessionIdentity? Identity
    {
        get
        {
            lock (_gate)
            {
                return _handshake.Identity;
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
    /// Live sources pace the HELLO hold and link_stats by the wall clock (the TimeProvider); finite sources
    /// without commands (capture files) by device ticks, so a replay at any speed gives the same events.
    /// </summary>
    private bool PacedByWallClock => _connector.AcceptsCommands;

    /// <summary>
    /// Opens the link, sends IDENTIFY and START and starts reading. A source that cannot be opened
    /// throws <see cref="SourceOpenException"/> (exit code 2 on the command line); after this, a lost link is reopened.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_started)
        {
            throw new InvalidOperationException("the session is already started");
        }

        _started = true;
        IDeviceLink link = await _connector.ConnectAsync(cancellationToken);
        lock (_gate)
        {
            _stats.Start();
            _handshake.Begin();
        }

        Attach(link);
        _loop = Task.Run(() => RunAsync(link, _stop.Token), CancellationToken.None);
    }

    /// <summary>Sends a host → device command (START, STOP, BUZZ) and completes with the device's ACK result.</summary>
    /// <exception cref="CommandNotAcknowledgedException">No ACK came to the command or to its one retry.</exception>
    /// <exception cref="LinkLostException">The link is down (being reconnected) or broke while sending.</exception>
    public Task<AckResult> SendCommandAsync(PspMessage command, CancellationToken cancellationToken) => _commands.SendAsync(command, cancellationToken);

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

        _handshake.Dispose();
        _stats.Dispose();
        _stop.Dispose();
        _commands.Dispose();
        _outbox.Dispose();
    }

    private async Task RunAsync(IDeviceLink link, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
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
                        _reconnector.LinkWorks();
                    }

                    continue;
                }

                await _commands.DetachAsync(link, lostReason ?? $"{_connector.Description}: end of source");
                if (!_connector.Reconnects)
                {
                    break;
                }

                OnLinkLost(lostReason ?? $"{_connector.Description}: link closed");
                idle?.Dispose();
                idle = null;
                IDeviceLink? reopened = await _reconnector.ReopenAsync(cancellationToken);
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
        if (_commands.Link is { } link)
        {
            await _commands.DetachAsync(link, "session stopped");
        }
    }

    /// <summary>A link opened: a device that takes commands is asked for its HELLO (again until it answers) and to stream.</summary>
    private void Attach(IDeviceLink link)
    {
        if (_connector.AcceptsCommands)
        {
            lock (_gate)
            {
                _handshake.KeepIdentifying();
            }
        }

        _commands.Attach(link);
    }

    /// <summary>Decodes what arrived and posts it under the lock, then delivers it outside; true when it completed at least one valid frame.</summary>
    private bool OnBytes(ReadOnlySpan<byte> bytes, DateTimeOffset at)
    {
        bool decoded = false;
        lock (_gate)
        {
            while (_decoder.TryDecode(ref bytes, out PspFrame frame))
            {
                decoded = true;
                OnFrame(frame, at);
            }
        }

        _outbox.Drain();
        return decoded;
    }

    /// <summary>Under the gate: a batch of samples (angles or raw readings) counted, paced on the device clock and passed on.</summary>
    private void OnSampleBatch(int count, uint lastTick, DeviceEvent received, DateTimeOffset at)
    {
        _stats.CountSamples(count, lastTick);
        _pacingTicks.Advance(lastTick, resetStepMicroseconds: 0, out _);
        long deviceMicros = _pacingTicks.DeviceMicroseconds;
        _handshake.OnDeviceTime(deviceMicros, at);
        _handshake.Deliver(received);
        _stats.OnDeviceTime(deviceMicros, at);
    }

    /// <summary>Under the gate: one decoded frame, passed on as it came (the HELLO becomes the identity).</summary>
    private void OnFrame(PspFrame frame, DateTimeOffset at)
    {
        switch (frame.Type)
        {
            case PspMessageType.Samples:
                var samples = (SamplesMessage)frame.ToMessage();
                OnSampleBatch(samples.Samples.Length, samples.Samples[^1].TickMicroseconds, new SamplesReceived(samples, at), at);
                break;
            case PspMessageType.Raw:
                // Raw IMU readings count and pace like SAMPLES; the fusion into angles is downstream's.
                var raw = (RawMessage)frame.ToMessage();
                OnSampleBatch(raw.Samples.Length, raw.Samples[^1].TickMicroseconds, new RawSamplesReceived(raw, at), at);
                break;
            case PspMessageType.Hello:
                _handshake.OnHello((HelloMessage)frame.ToMessage(), at);
                break;
            case PspMessageType.Ack:
                var ack = (AckMessage)frame.ToMessage();
                _commands.OnAck(ack);
                _handshake.Deliver(new MessageReceived(ack, at));
                break;
            default:
                _handshake.Deliver(new MessageReceived(frame.ToMessage(), at));
                break;
        }
    }

    private void OnLinkLost(string reason)
    {
        lock (_gate)
        {
            // Bytes after the gap start a new frame, and the device's seq may have restarted: neither is an error.
            _decoder.ResetStream();
            _decoder.ResetSequence();
            _outbox.Post(new LinkLost(reason, _time.GetUtcNow()));
        }

        _outbox.Drain();
    }

    private void OnLinkRestored(IDeviceLink link)
    {
        lock (_gate)
        {
            _outbox.Post(new LinkRestored(_stats.CountReconnect(), _time.GetUtcNow()));
        }

        _outbox.Drain();
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

            _finished = true;
            _handshake.Finish(releaseHeld: error is null, _time.GetUtcNow());
            _stats.Finish(reportLast: error is null);
            _outbox.PostEnd(error);
        }

        try
        {
            _outbox.Drain();
        }
        finally
        {
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
}
