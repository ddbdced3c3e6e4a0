using System.Reactive.Linq;
using System.Reactive.Subjects;
using PostureStream.Devices.Links;
using PostureStream.Protocol.WitMotion;

namespace PostureStream.Devices.WitMotion;

/// <summary>
/// One WitMotion sensor as a stream of timestamped readings: decodes its source's reads (serial packets or BLE
/// notifications) into <see cref="WitMotionReading"/>s stamped with their arrival time, forgets a partial packet at a
/// link loss, and reports losses, restorations, notices and statistics per sensor. Statistics come every
/// <see cref="StatsInterval"/> of arrival time, so a replayed capture reports the same intervals as the live run.
/// Subscribe to <see cref="Events"/> before <see cref="StartAsync"/>.
/// </summary>
public sealed class WitMotionSensorLink : IAsyncDisposable
{
    private readonly IWitMotionByteSource _source;
    private readonly Subject<WitMotionSensorEvent> _events = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly WitMotionSerialDecoder _serial = new();
    private readonly WitMotionBleDecoder _ble = new();
    private readonly List<WitMotionBlePacket> _blePackets = [];
    private Task _loop = Task.CompletedTask;
    private long? _sensorClock;
    private long? _intervalStart;
    private long _samples;
    private long _reconnects;
    private WitMotionDecoderStats _serialAtStart;
    private WitMotionBleStats _bleAtStart;
    private long _samplesAtStart;
    private long _reconnectsAtStart;
    private int _disposed;

    public WitMotionSensorLink(IWitMotionByteSource source)
    {
        _source = source;
    }

    /// <summary>Default 10 s, as <c>link_stats</c>.</summary>
    public TimeSpan StatsInterval { get; init; } = TimeSpan.FromSeconds(10);

    public string Description => _source.Description;

    public IObservable<WitMotionSensorEvent> Events => _events;

    /// <summary>Just the readings, in arrival order.</summary>
    public IObservable<WitMotionReading> Readings => _events.OfType<WitMotionReadingsReceived>().SelectMany(r => r.Readings);

    /// <summary>Completes when the source ends (a capture) or the link is disposed.</summary>
    public Task Completion => _loop;

    /// <summary>Opens the source (throws <see cref="SourceOpenException"/> when it cannot) and starts reading.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _source.OpenAsync(cancellationToken);
        _loop = Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);
    }

    /// <summary>Sends register commands (e.g. <see cref="WitMotionCommands.Change"/>) to the sensor.</summary>
    public async Task SendAsync(IEnumerable<WitMotionCommand> commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        foreach (WitMotionCommand command in commands)
        {
            await _source.WriteAsync(command.Encode(), cancellationToken);
        }
    }

    /// <summary>Reports a notice on <see cref="Events"/> (used by connectors, e.g. the 9600 baud warning).</summary>
    public void Notice(long arrivalMicroseconds, string message) => _events.OnNext(new WitMotionSensorNotice(arrivalMicroseconds, message));

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync();
        await _loop;
        await _source.DisposeAsync();
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        long last = 0;
        try
        {
            await foreach (WitMotionChunk chunk in _source.ReadAsync(cancellationToken))
            {
                last = chunk.ArrivalMicroseconds;
                Handle(chunk);
            }

            ReportStats(last);
            _events.OnCompleted();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            ReportStats(last);
            _events.OnCompleted();
        }
        catch (Exception e)
        {
            _events.OnError(e);
        }
    }

    private void Handle(in WitMotionChunk chunk)
    {
        _intervalStart ??= chunk.ArrivalMicroseconds;
        if (chunk.ArrivalMicroseconds - _intervalStart.Value >= StatsInterval.Ticks / TimeSpan.TicksPerMicrosecond)
        {
            ReportStats(chunk.ArrivalMicroseconds);
        }

        switch (chunk.Kind)
        {
            case WitMotionChunkKind.Data:
                Decode(chunk);
                break;
            case WitMotionChunkKind.LinkLost:
                _serial.ResetStream();
                _sensorClock = null;
                _events.OnNext(new WitMotionSensorLinkLost(chunk.ArrivalMicroseconds));
                break;
            case WitMotionChunkKind.LinkRestored:
                _reconnects++;
                _events.OnNext(new WitMotionSensorLinkRestored(chunk.ArrivalMicroseconds));
                break;
        }
    }

    private void Decode(in WitMotionChunk chunk)
    {
        var readings = new List<WitMotionReading>();
        if (_source.Framing == WitMotionFraming.Ble)
        {
            _blePackets.Clear();
            _ble.Decode(chunk.Bytes.Span, _blePackets);
            foreach (WitMotionBlePacket packet in _blePackets)
            {
                WitMotionReading.FromBlePacket(packet, chunk.ArrivalMicroseconds, readings);
            }
        }
        else
        {
            ReadOnlySpan<byte> bytes = chunk.Bytes.Span;
            while (_serial.TryDecode(ref bytes, out WitMotionPacket packet))
            {
                if (packet.Type == WitMotionPacketType.Time)
                {
                    _sensorClock = WitMotionClock.TryRead(packet, out long micros) ? micros : null;
                }
                else if (WitMotionReading.FromPacket(packet, chunk.ArrivalMicroseconds, _sensorClock) is { } reading)
                {
                    readings.Add(reading);
                }
            }
        }

        _samples += readings.Count(r => r.Kind is WitMotionReadingKind.Angle or WitMotionReadingKind.Quaternion);
        if (readings.Count > 0)
        {
            _events.OnNext(new WitMotionReadingsReceived(chunk.ArrivalMicroseconds, readings));
        }
    }

    private void ReportStats(long now)
    {
        if (_intervalStart is not { } start)
        {
            return;
        }

        WitMotionDecoderStats serial = _serial.Stats - _serialAtStart;
        WitMotionBleStats ble = _ble.Stats - _bleAtStart;
        var stats = new WitMotionLinkStats(
            _source.Transport,
            start,
            TimeSpan.FromMicroseconds(now - start),
            serial.Packets + ble.Packets,
            _samples - _samplesAtStart,
            serial.ChecksumErrors + ble.Rejects,
            serial.SkippedTypes + ble.RegisterReplies,
            serial.DiscardedBytes,
            serial.Resyncs,
            _reconnects - _reconnectsAtStart);
        _serialAtStart = _serial.Stats;
        _bleAtStart = _ble.Stats;
        _samplesAtStart = _samples;
        _reconnectsAtStart = _reconnects;
        _intervalStart = now;
        _events.OnNext(new WitMotionSensorStatsReported(now, stats));
    }
}
