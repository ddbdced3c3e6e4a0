using PostureStream.Devices.Ble;
using PostureStream.Protocol;

namespace PostureStream.Devices.Tests.Ble;

/// <summary>Decodes what a link receives with PspStreamDecoder, as the device session will, and records the link's states.</summary>
internal sealed class DecodingCollector : IDisposable
{
    private readonly Lock _lock = new();
    private readonly PspStreamDecoder _decoder = new();
    private readonly List<byte[]> _frames = [];
    private readonly List<BleLinkStatus> _statuses = [];
    private readonly List<(Func<bool> Done, TaskCompletionSource Signal)> _waiters = [];
    private readonly IDisposable _bytes;
    private readonly IDisposable _status;

    public DecodingCollector(IBleByteLink link)
    {
        _bytes = link.Received.Subscribe(OnBytes);
        _status = link.Status.Subscribe(OnStatus);
    }

    /// <summary>Each decoded message re-encoded, to compare byte for byte with what was sent.</summary>
    public IReadOnlyList<byte[]> Frames
    {
        get
        {
            lock (_lock)
            {
                return [.. _frames];
            }
        }
    }

    public PspDecoderStats Stats
    {
        get
        {
            lock (_lock)
            {
                return _decoder.Stats;
            }
        }
    }

    public Task WaitForFramesAsync(int count) => WaitAsync(() => _frames.Count >= count);

    public Task WaitForStatusAsync(BleLinkState state, int occurrence) => WaitAsync(() => _statuses.Count(s => s.State == state) >= occurrence);

    public void Dispose()
    {
        _bytes.Dispose();
        _status.Dispose();
    }

    private Task WaitAsync(Func<bool> done)
    {
        lock (_lock)
        {
            if (done())
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((done, signal));
            return signal.Task.WaitAsync(Wait.Timeout);
        }
    }

    private void OnBytes(ReadOnlyMemory<byte> bytes)
    {
        lock (_lock)
        {
            ReadOnlySpan<byte> input = bytes.Span;
            while (_decoder.TryDecode(ref input, out PspFrame frame))
            {
                _frames.Add(PspEncoder.Encode(frame.ToMessage()));
            }

            Notify();
        }
    }

    private void OnStatus(BleLinkStatus status)
    {
        lock (_lock)
        {
            _statuses.Add(status);
            if (status.State == BleLinkState.Disconnected)
            {
                _decoder.ResetStream();
            }

            Notify();
        }
    }

    private void Notify()
    {
        foreach (var waiter in _waiters.Where(w => w.Done()).ToList())
        {
            _waiters.Remove(waiter);
            waiter.Signal.TrySetResult();
        }
    }
}
