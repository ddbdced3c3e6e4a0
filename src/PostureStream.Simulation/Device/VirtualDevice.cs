using System.Buffers;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using PostureStream.Protocol;

namespace PostureStream.Simulation.Device;

/// <summary>
/// A simulated wearer's device, independent of any transport: host bytes go in through
/// <see cref="Receive"/>, device bytes come out of <see cref="Output"/>. It answers IDENTIFY with
/// HELLO and START, STOP and BUZZ with ACKs (a repeated seq is re-ACKed, not acted on twice), streams
/// the scenario in device time once started, and completes <see cref="Output"/> when the scenario ends.
/// All work runs on the scheduler, paced by <see cref="VirtualDeviceOptions.Speed"/>; give it a
/// virtual-time scheduler to test it without waiting.
/// </summary>
public sealed class VirtualDevice : IDisposable
{
    private readonly object _gate = new();
    private readonly SimulationPlan _plan;
    private readonly IScheduler _scheduler;
    private readonly VirtualDeviceOptions _options;
    private readonly Subject<ReadOnlyMemory<byte>> _output = new();
    private readonly Subject<ReceivedBuzz> _buzzes = new();
    private readonly List<ReceivedBuzz> _buzzLog = [];
    private readonly Queue<byte[]> _input = new();
    private readonly PspStreamDecoder _decoder = new();
    private readonly CommandDeduplicator _commands = new();
    private readonly DeviceEmitter _emitter;
    private readonly IEnumerator<DeviceItem> _items;
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly SerialDisposable _timer = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DeviceItem? _pending;
    private DateTimeOffset? _origin;
    private double _lastTrueSeconds;
    private bool _streaming;
    private bool _poweredOn;
    private bool _finished;

    public VirtualDevice(SimulationPlan plan, IScheduler scheduler, VirtualDeviceOptions? options = null)
    {
        _plan = plan;
        _scheduler = scheduler;
        _options = (options ?? new VirtualDeviceOptions()).Validate();
        _emitter = new DeviceEmitter(plan.Device.CorruptionRate, SeedMixer.Create(plan.Seed, SeedMixer.Corruption));
        _items = new FrameGenerator(plan).Generate().GetEnumerator();
        _pending = _items.MoveNext() ? _items.Current : null;
    }

    public SimulationPlan Plan => _plan;

    /// <summary>Bytes to the host, one chunk per scheduler step. Hot; completes when the scenario has been sent.</summary>
    public IObservable<ReadOnlyMemory<byte>> Output => _output.AsObservable();

    /// <summary>Each BUZZ acted on, as it arrives.</summary>
    public IObservable<ReceivedBuzz> BuzzReceived => _buzzes.AsObservable();

    /// <summary>The BUZZes acted on so far.</summary>
    public IReadOnlyList<ReceivedBuzz> Buzzes
    {
        get
        {
            lock (_gate)
            {
                return _buzzLog.ToArray();
            }
        }
    }

    public bool IsStreaming
    {
        get
        {
            lock (_gate)
            {
                return _streaming;
            }
        }
    }

    /// <summary>Completes when the whole scenario has been sent.</summary>
    public Task Completion => _completion.Task;

    /// <summary>Switches the device on: with <see cref="VirtualDeviceOptions.StreamOnPowerUp"/> it sends HELLO and starts streaming.</summary>
    public void PowerOn()
    {
        lock (_gate)
        {
            if (_poweredOn)
            {
                return;
            }

            _poweredOn = true;
        }

        if (_options.StreamOnPowerUp)
        {
            _scheduler.Schedule(() =>
            {
                lock (_gate)
                {
                    _emitter.Emit(_plan.Hello, lost: false, _buffer);
                    StartStreaming();
                    Flush();
                    Pump();
                }
            });
        }
    }

    /// <summary>Bytes from the host (any chunking). Commands are handled on the scheduler.</summary>
    public void Receive(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        lock (_gate)
        {
            _input.Enqueue(bytes.ToArray());
        }

        _scheduler.Schedule(HandleInput);
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_gate)
        {
            _finished = true;
        }

        _completion.TrySetResult();
        _output.Dispose();
        _buzzes.Dispose();
        _items.Dispose();
    }

    private void HandleInput()
    {
        lock (_gate)
        {
            if (_finished)
            {
                _input.Clear();
                return; // switched off: nothing answers any more
            }

            bool wasStreaming = _streaming;
            while (_input.TryDequeue(out byte[]? chunk))
            {
                ReadOnlySpan<byte> span = chunk;
                while (_decoder.TryDecode(ref span, out PspFrame frame))
                {
                    Handle(frame);
                }
            }

            Flush();
            if (_streaming && !wasStreaming)
            {
                Pump();
            }
        }
    }

    private void Handle(PspFrame frame)
    {
        if (PspMessageTypes.DirectionOf((byte)frame.Type) != PspDirection.HostToDevice)
        {
            return;
        }

        if (!_commands.IsNew(frame.Type, frame.Seq))
        {
            Answer(frame.Type, frame.Seq, _commands.LastResult);
            return;
        }

        AckResult result = frame.ToMessage() switch
        {
            StartMessage start => Start(start),
            StopMessage => Stop(),
            BuzzMessage buzz => Buzz(buzz),
            _ => AckResult.Ok,
        };
        _commands.SetResult(result);
        Answer(frame.Type, frame.Seq, result);
    }

    private void Answer(PspMessageType type, ushort seq, AckResult result)
    {
        PspMessage answer = type == PspMessageType.Identify ? _plan.Hello : new AckMessage(seq, type, result);
        _emitter.Emit(answer, lost: false, _buffer);
    }

    private AckResult Start(StartMessage start)
    {
        if (start.SampleRateHz != 0 && start.SampleRateHz != _plan.Device.SampleRateHz)
        {
            return AckResult.InvalidArgument;
        }

        if (!_streaming && !_finished)
        {
            StartStreaming();
        }

        return AckResult.Ok;
    }

    private AckResult Stop()
    {
        _streaming = false;
        _timer.Disposable = null;
        return AckResult.Ok;
    }

    private AckResult Buzz(BuzzMessage buzz)
    {
        if (buzz.Pattern is < BuzzPattern.Short or > BuzzPattern.Long || buzz.Intensity > 100)
        {
            return AckResult.InvalidArgument;
        }

        long us = _plan.StartTick + (long)Math.Round(CurrentTrueSeconds() * 1e6 * _plan.ClockRate);
        var received = new ReceivedBuzz(buzz.Seq, buzz.Pattern, buzz.DurationMilliseconds, buzz.Intensity, us, unchecked((uint)us));
        _buzzLog.Add(received);
        _buzzes.OnNext(received);
        return AckResult.Ok;
    }

    private void StartStreaming()
    {
        _streaming = true;
        if (_origin is null)
        {
            _origin = _scheduler.Now;
            return;
        }

        // Restarted after STOP: the wearer lived on; what the device did not send meanwhile is gone.
        double now = CurrentTrueSeconds();
        while (_pending is not null && _pending.TrueSeconds < now)
        {
            Advance();
        }
    }

    private double CurrentTrueSeconds()
    {
        if (_origin is null)
        {
            return 0;
        }

        if (_options.Speed.IsMax)
        {
            return _lastTrueSeconds;
        }

        double elapsed = (_scheduler.Now - _origin.Value).TotalSeconds * _options.Speed.Factor;
        return Math.Min(elapsed, _plan.Duration.TotalSeconds);
    }

    /// <summary>Sends what is due and arms the timer for the next frame. Called under the gate.</summary>
    private void Pump()
    {
        if (!_streaming || _finished)
        {
            return;
        }

        // A microsecond of slack: the timer's due time is rounded to scheduler ticks.
        double now = _options.Speed.IsMax ? double.PositiveInfinity : CurrentTrueSeconds() + 1e-6;
        int sent = 0;
        while (_pending is not null && _pending.TrueSeconds <= now && (!_options.Speed.IsMax || sent < _options.MaxFramesPerStep))
        {
            _emitter.Emit(_pending.Message, _pending.Dropped, _buffer);
            _lastTrueSeconds = _pending.TrueSeconds;
            Advance();
            sent++;
        }

        Flush();
        if (_pending is null)
        {
            Finish();
            return;
        }

        if (_options.Speed.IsMax)
        {
            _timer.Disposable = _scheduler.Schedule(PumpLocked);
            return;
        }

        // Relative, not absolute: Rx watches the system clock for absolute due times on its local
        // schedulers, and that watch outlives a disposed EventLoopScheduler.
        DateTimeOffset due = _origin!.Value + TimeSpan.FromTicks((long)Math.Ceiling(_pending.TrueSeconds / _options.Speed.Factor * TimeSpan.TicksPerSecond));
        TimeSpan delay = due - _scheduler.Now;
        _timer.Disposable = _scheduler.Schedule(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, PumpLocked);
    }

    private void PumpLocked()
    {
        lock (_gate)
        {
            Pump();
        }
    }

    private void Advance() => _pending = _items.MoveNext() ? _items.Current : null;

    private void Flush()
    {
        if (_buffer.WrittenCount == 0 || _finished)
        {
            _buffer.ResetWrittenCount();
            return;
        }

        byte[] chunk = _buffer.WrittenSpan.ToArray();
        _buffer.ResetWrittenCount();
        _output.OnNext(chunk);
    }

    private void Finish()
    {
        _finished = true;
        _streaming = false;
        _output.OnCompleted();
        _completion.TrySetResult();
    }
}
