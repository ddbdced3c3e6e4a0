using PostureStream.Protocol.WitMotion;
using PostureStream.Signals.Pipeline;

namespace PostureStream.Signals.Wearers;

/// <summary>
/// A wearer of two WitMotion sensors into the one per-device chain: each link's readings go in with
/// <see cref="Reading"/> (on any number of threads: calls are serialised here), the merged
/// <see cref="SegmentSample"/>s go to <see cref="DeviceChain.Samples"/> in batches. A live host also calls
/// <see cref="Advance"/> on a timer (every 100 ms, say), so that the grid moves on while a sensor is silent;
/// a finite source calls <see cref="Complete"/> at its end.
/// </summary>
public sealed class WearerChainFeed
{
    private readonly Lock _gate = new();
    private readonly DeviceChain _chain;
    private readonly WearerStreams _streams;
    private readonly WitMotionUpDirection _lumbarUp = new();
    private readonly WitMotionUpDirection _pelvisUp = new();
    private readonly List<SegmentSample> _batch = [];
    private bool _completed;

    public WearerChainFeed(DeviceChain chain, DeviceIdentity identity, WearerStreams streams)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(streams);
        _chain = chain;
        _streams = streams;
        chain.Identify(new ChainIdentity(identity, (int)Math.Round(streams.RateHz)));
    }

    public WearerStreams Streams => _streams;

    /// <summary>
    /// A reading of the sensor on <paramref name="segment"/>; its arrival time is the host time it came in, and its
    /// sensor clock (from the time packet, when the sensor sends them) times the sample.
    /// </summary>
    public void Reading(WearerSegment segment, in WitMotionReading reading)
    {
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            WitMotionUpDirection picker = segment == WearerSegment.Lumbar ? _lumbarUp : _pelvisUp;
            if (!picker.TryTake(reading, out Vector3D up))
            {
                return;
            }

            if (segment == WearerSegment.Lumbar)
            {
                _streams.AddLumbar(reading.ArrivalMicroseconds, up, reading.SensorClockMicroseconds);
            }
            else
            {
                _streams.AddPelvis(reading.ArrivalMicroseconds, up, reading.SensorClockMicroseconds);
            }

            AdvanceLocked(reading.ArrivalMicroseconds);
        }
    }

    /// <summary>Host time has reached <paramref name="nowMicroseconds"/> (same clock as the arrival times).</summary>
    public void Advance(long nowMicroseconds)
    {
        lock (_gate)
        {
            if (!_completed)
            {
                AdvanceLocked(nowMicroseconds);
            }
        }
    }

    /// <summary>The end of the source: everything held goes to the chain, which completes.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            _batch.Clear();
            _streams.Flush(_batch);
            Send();
            _chain.Complete();
        }
    }

    private void AdvanceLocked(long now)
    {
        _batch.Clear();
        _streams.Advance(now, _batch);
        Send();
    }

    private void Send()
    {
        if (_batch.Count > 0)
        {
            _chain.Samples(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_batch));
        }
    }
}
