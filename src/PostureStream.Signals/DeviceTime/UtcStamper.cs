using System.Reactive.Concurrency;

namespace PostureStream.Signals;

/// <summary>
/// Puts UTC stamps on samples (Signals README, device time). Live (<see cref="ClockSource.Arrival"/>): the scheduler's time
/// when a batch is stamped is its arrival; the first batch anchors the clock and the skew is tracked so stamps stay
/// within 50 ms of arrival over a day; a device reset re-anchors. Device clock: the first sample is stamped
/// <see cref="DeviceTimeOptions.Start"/> (or the scheduler's time at creation), every later one start + device time
/// elapsed. Stamps never go backwards. One per device; not thread-safe.
/// </summary>
internal sealed class UtcStamper
{
    private readonly IScheduler scheduler;
    private readonly bool live;
    private readonly long bucketMicroseconds;
    private readonly long deviceStartUtc;
    private ArrivalClock clock;
    private bool seenSample;
    private bool seenStamp;
    private long firstDevice;
    private long lastUtc;

    public UtcStamper(DeviceTimeOptions options, IScheduler scheduler)
    {
        this.scheduler = scheduler;
        live = options.Clock == ClockSource.Arrival;
        bucketMicroseconds = (long)options.SkewBucket.TotalMicroseconds;
        deviceStartUtc = ToUnixMicroseconds(options.Start ?? scheduler.Now);
        lastUtc = deviceStartUtc;
    }

    /// <summary>Stamps a batch whose last sample is at <paramref name="lastDeviceMicroseconds"/>; returns the last stamp.</summary>
    public long StampSamples(Span<PostureSample> samples, long lastDeviceMicroseconds)
    {
        if (!seenSample)
        {
            seenSample = true;
            firstDevice = samples[0].DeviceMicroseconds;
        }

        if (live)
        {
            for (int i = 0; i < samples.Length; i++)
            {
                if ((samples[i].Marks & SampleMarks.DeviceReset) != 0)
                {
                    clock.Reset();
                }
            }

            clock.Observe(lastDeviceMicroseconds, ToUnixMicroseconds(scheduler.Now), bucketMicroseconds);
        }

        for (int i = 0; i < samples.Length; i++)
        {
            // After the live clock is pulled back, stamps still never go backwards: they bunch up instead.
            long stamp = Stamp(samples[i].DeviceMicroseconds);
            samples[i].UtcMicroseconds = lastUtc = seenStamp && stamp <= lastUtc ? lastUtc + 1 : stamp;
            seenStamp = true;
        }

        return lastUtc;
    }

    /// <summary>A cue at its own device time (once samples have been seen; before, as <see cref="StampControl"/>).</summary>
    public long StampCue(long deviceMicroseconds) => seenSample ? Stamp(deviceMicroseconds) : StampControl();

    /// <summary>Anything without a time of its own (identity, status, silence): the last sample's stamp, or the arrival before any on a live link.</summary>
    public long StampControl() => seenSample || !live ? lastUtc : ToUnixMicroseconds(scheduler.Now);

    public static long ToUnixMicroseconds(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    private long Stamp(long device) => live ? clock.Stamp(device) : deviceStartUtc + (device - firstDevice);
}
