using System.Reactive.Concurrency;
using System.Reactive.Linq;

namespace PostureStream.Signals;

public static class StampUtcOperator
{
    /// <summary>
    /// Puts a UTC stamp on every sample and frame (Signals README, device time). With <see cref="ClockSource.Arrival"/> the
    /// scheduler's time at each frame is its arrival: the first frame anchors the clock and the skew is tracked
    /// so stamps stay within 50 ms of arrival over a day; a device reset re-anchors. With
    /// <see cref="ClockSource.Device"/> the first sample is stamped <see cref="DeviceTimeOptions.Start"/> (or the
    /// scheduler's time at subscription) and every later one start + device time elapsed. Frames without samples
    /// carry the last sample's stamp; an EVENT is stamped at its own tick.
    /// </summary>
    public static IObservable<PostureFrame> StampUtc(this IObservable<PostureFrame> source, DeviceTimeOptions options, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scheduler);
        options.Validate();
        return Observable.Create<PostureFrame>(observer => source.Subscribe(new Stamper(observer, options, scheduler)));
    }

    /// <summary>Stamps with the current thread scheduler's clock (the system clock).</summary>
    public static IObservable<PostureFrame> StampUtc(this IObservable<PostureFrame> source, DeviceTimeOptions options) =>
        source.StampUtc(options, Scheduler.CurrentThread);

    private static long ToUnixMicroseconds(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    private sealed class Stamper : IObserver<PostureFrame>
    {
        private readonly IObserver<PostureFrame> downstream;
        private readonly IScheduler scheduler;
        private readonly bool live;
        private readonly long bucketMicroseconds;
        private readonly long deviceStartUtc;
        private ArrivalClock clock;
        private bool seenSample;
        private bool seenStamp;
        private long firstDevice;
        private long lastUtc;

        public Stamper(IObserver<PostureFrame> downstream, DeviceTimeOptions options, IScheduler scheduler)
        {
            this.downstream = downstream;
            this.scheduler = scheduler;
            live = options.Clock == ClockSource.Arrival;
            bucketMicroseconds = (long)options.SkewBucket.TotalMicroseconds;
            deviceStartUtc = ToUnixMicroseconds(options.Start ?? scheduler.Now);
            lastUtc = deviceStartUtc;
        }

        public void OnNext(PostureFrame value)
        {
            if (value.Kind == FrameKind.Samples)
            {
                StampSamples(value);
            }
            else if (value.Kind == FrameKind.Event && seenSample)
            {
                value.UtcMicroseconds = Stamp(value.DeviceMicroseconds);
            }
            else
            {
                value.UtcMicroseconds = seenSample || !live ? lastUtc : ToUnixMicroseconds(scheduler.Now);
            }

            downstream.OnNext(value);
        }

        public void OnError(Exception error) => downstream.OnError(error);

        public void OnCompleted() => downstream.OnCompleted();

        private void StampSamples(PostureFrame frame)
        {
            Span<PostureSample> samples = frame.MutableSamples;
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

                clock.Observe(frame.DeviceMicroseconds, ToUnixMicroseconds(scheduler.Now), bucketMicroseconds);
            }

            for (int i = 0; i < samples.Length; i++)
            {
                // After the live clock is pulled back, stamps still never go backwards: they bunch up instead.
                long stamp = Stamp(samples[i].DeviceMicroseconds);
                samples[i].UtcMicroseconds = lastUtc = seenStamp && stamp <= lastUtc ? lastUtc + 1 : stamp;
                seenStamp = true;
            }

            frame.UtcMicroseconds = lastUtc;
        }

        private long Stamp(long device) => live ? clock.Stamp(device) : deviceStartUtc + (device - firstDevice);
    }
}
