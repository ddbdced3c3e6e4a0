using System.Runtime.CompilerServices;

namespace PostureStream.Signals;

/// <summary>
/// Maps device time to UTC for a live link (Signals README, device time). The first frame's last sample is anchored to the
/// frame's arrival (a batch cannot arrive before its last sample was taken). Then, per bucket of device
/// time, the (device time, arrival) pair with the lowest latency is kept; a least-squares line through the
/// last <see cref="Buckets"/> of them gives the device/host skew and offset, and the mapping is steered
/// onto that line within one bucket, continuously. A frame that arrives before the stamp its last sample
/// would get pulls the mapping back to that arrival at once. Flat state, no allocation.
/// </summary>
internal struct ArrivalClock
{
    public const int Buckets = 64;

    /// <summary>An error this large is not skew: the device time jumped (e.g. ticks wrapped unseen in an outage).</summary>
    private const long ReanchorMicroseconds = 1_000_000;

    private SkewPoints points;
    private int count;
    private int next;
    private bool anchored;
    private long baseDevice;
    private long baseUtc;
    private double rate;
    private long bucketStart;
    private long bucketMinOffset;
    private long bucketMinDevice;

    public readonly bool IsAnchored => anchored;

    /// <summary>The current device/host rate (host µs per device µs) the stamps follow.</summary>
    public readonly double Rate => rate;

    public void Reset() => this = default;

    /// <summary>Takes one (device time, arrival) pair: the last sample of a frame and when the frame arrived.</summary>
    public void Observe(long device, long arrivalUtc, long bucketMicroseconds)
    {
        if (!anchored || Math.Abs(arrivalUtc - Stamp(device)) > ReanchorMicroseconds)
        {
            Anchor(device, arrivalUtc);
            return;
        }

        if (Stamp(device) > arrivalUtc)
        {
            // A sample cannot have been taken after its frame arrived: the estimate is late (e.g. the first
            // frame was held up), so the mapping moves back to this arrival at once.
            baseDevice = device;
            baseUtc = arrivalUtc;
        }

        long offset = arrivalUtc - device;
        if (offset < bucketMinOffset)
        {
            bucketMinOffset = offset;
            bucketMinDevice = device;
        }

        if (device - bucketStart >= bucketMicroseconds)
        {
            points[next] = new SkewPoint(bucketMinDevice, bucketMinOffset);
            next = (next + 1) % Buckets;
            count = Math.Min(count + 1, Buckets);
            Steer(device, bucketMicroseconds);
            bucketStart = device;
            bucketMinOffset = offset;
            bucketMinDevice = device;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly long Stamp(long device) => baseUtc + (long)Math.Round((device - baseDevice) * rate);

    private void Anchor(long device, long arrivalUtc)
    {
        this = default;
        anchored = true;
        baseDevice = device;
        baseUtc = arrivalUtc;
        rate = 1.0;
        bucketStart = device;
        bucketMinOffset = arrivalUtc - device;
        bucketMinDevice = device;
    }

    /// <summary>Fits offset = c + s·(device − now) over the buckets, then aims to be on that line one bucket from now.</summary>
    private void Steer(long now, long horizon)
    {
        double meanX = 0, meanY = 0;
        for (int i = 0; i < count; i++)
        {
            meanX += points[i].Device - now;
            meanY += points[i].Offset;
        }

        meanX /= count;
        meanY /= count;
        double sxx = 0, sxy = 0;
        for (int i = 0; i < count; i++)
        {
            double dx = points[i].Device - now - meanX;
            sxx += dx * dx;
            sxy += dx * (points[i].Offset - meanY);
        }

        double slope = sxx > 0 ? sxy / sxx : 0;
        double offsetAtHorizon = meanY + (slope * (horizon - meanX));
        long stampNow = Stamp(now);
        double target = now + horizon + offsetAtHorizon;
        rate = Math.Clamp((target - stampNow) / horizon, 0.9, 1.1);
        baseDevice = now;
        baseUtc = stampNow;
    }

    private readonly record struct SkewPoint(long Device, long Offset);

    [InlineArray(Buckets)]
    private struct SkewPoints
    {
        private SkewPoint element;
    }
}
