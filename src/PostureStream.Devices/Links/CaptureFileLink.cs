using PostureStream.Protocol;
using PostureStream.Devices.Sources;

namespace PostureStream.Devices.Links;

/// <summary>
/// Reads a capture file (raw PSP bytes). At <c>speed=max</c> it hands out bytes as fast as they are asked
/// for; otherwise it releases each SAMPLES frame when the wall clock (the <see cref="TimeProvider"/>) has
/// caught up with its first tick divided by the speed. Tick wraps are followed; a step backwards (a device
/// reset in the recording) re-anchors the pacing. The bytes come from <see cref="StreamReadLink"/> over a
/// regular file, or from a <see cref="Serial.FileDescriptorLink"/> over a named pipe, whose reads can be
/// cancelled while no writer has come or the writer is idle.
/// </summary>
internal sealed class CaptureFileLink : IDeviceLink
{
    private readonly IDeviceLink _file;
    private readonly ReplaySpeed _speed;
    private readonly TimeProvider _time;
    private readonly PspStreamDecoder _scanner = new();
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private int _ready;
    private readonly TickUnwrapper _ticks = new();
    private long _anchorMicros;
    private long _anchorTimestamp;

    /// <param name="file">The capture's raw bytes; its ReadAsync returns 0 at the end. The link owns it.</param>
    public CaptureFileLink(IDeviceLink file, ReplaySpeed speed, TimeProvider time)
    {
        _file = file;
        _speed = speed;
        _time = time;
    }

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (_speed.IsMax)
        {
            return await _file.ReadAsync(buffer, cancellationToken);
        }

        if (_ready == 0)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await _file.ReadAsync(_buffer, cancellationToken);
                if (_end == 0)
                {
                    return 0;
                }
            }

            TimeSpan wait = ScanToNextSamplesFrame();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken);
            }
        }

        int count = Math.Min(buffer.Length, _ready);
        _buffer.AsSpan(_start, count).CopyTo(buffer.Span);
        _start += count;
        _ready -= count;
        return count;
    }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        throw new NotSupportedException("a capture file takes no commands");

    public ValueTask DisposeAsync() => _file.DisposeAsync();

    /// <summary>Marks the bytes up to the end of the next SAMPLES or RAW frame (or the buffer) ready; returns how long to wait first.</summary>
    private TimeSpan ScanToNextSamplesFrame()
    {
        ReadOnlySpan<byte> pending = _buffer.AsSpan(_start, _end - _start);
        ReadOnlySpan<byte> rest = pending;
        while (_scanner.TryDecode(ref rest, out PspFrame frame))
        {
            if (frame.Type is PspMessageType.Samples or PspMessageType.Raw)
            {
                _ready = pending.Length - rest.Length;
                return DueIn(frame.Type == PspMessageType.Raw ? frame.GetRawSample(0).TickMicroseconds : frame.GetSample(0).TickMicroseconds);
            }
        }

        _ready = pending.Length;
        return TimeSpan.Zero;
    }

    private TimeSpan DueIn(uint tick)
    {
        if (_ticks.Advance(tick, resetStepMicroseconds: 0, out _) != TickStep.Forward)
        {
            // First frame, or a device reset: pace from here.
            _anchorTimestamp = _time.GetTimestamp();
            _anchorMicros = _ticks.DeviceMicroseconds;
            return TimeSpan.Zero;
        }

        double dueMicros = (_ticks.DeviceMicroseconds - _anchorMicros) / _speed.Factor;
        return TimeSpan.FromMicroseconds(dueMicros) - _time.GetElapsedTime(_anchorTimestamp);
    }
}
