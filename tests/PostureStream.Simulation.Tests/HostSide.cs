using PostureStream.Protocol;

namespace PostureStream.Simulation.Tests;

/// <summary>The host end of a link in a test: numbers commands, decodes what the device sends.</summary>
internal sealed class HostSide
{
    private readonly PspStreamDecoder _decoder = new();
    private readonly object _gate = new();
    private readonly List<PspMessage> _received = [];
    private readonly List<(Func<List<PspMessage>, bool> Condition, TaskCompletionSource Done)> _waiters = [];
    private ushort _seq = 100;

    public List<PspMessage> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    public PspDecoderStats Stats
    {
        get
        {
            lock (_gate)
            {
                return _decoder.Stats;
            }
        }
    }

    public void Feed(ReadOnlySpan<byte> bytes)
    {
        lock (_gate)
        {
            while (_decoder.TryDecode(ref bytes, out PspFrame frame))
            {
                _received.Add(frame.ToMessage());
            }

            foreach (var waiter in _waiters.Where(w => w.Condition(_received)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }
    }

    /// <summary>Completes once what has been received satisfies <paramref name="condition"/>; fails after <paramref name="timeout"/>.</summary>
    public Task WaitForAsync(Func<List<PspMessage>, bool> condition, TimeSpan timeout)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (condition(_received))
            {
                return Task.CompletedTask;
            }

            _waiters.Add((condition, done));
        }

        return done.Task.WaitAsync(timeout);
    }

    /// <summary>A command frame with the next host seq (or the given one, for a retry).</summary>
    public byte[] Command(PspMessage message, ushort? seq = null) => PspEncoder.Encode(message with { Seq = seq ?? _seq++ });

    public int SampleCount => Received.OfType<SamplesMessage>().Sum(m => m.Samples.Length);
}
