using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;

namespace PostureStream.Signals;

public static class MarkSilenceOperator
{
    /// <summary>
    /// The Rx form of the chain's silence marks (<see cref="Pipeline.DeviceChain"/> uses the same watch).
    /// Watches a live link (Signals README, device time): when no frame arrives for <see cref="DeviceTimeOptions.SilenceTimeout"/>
    /// of the scheduler's time, emits one <see cref="FrameKind.Silence"/> frame, and marks the first sample that
    /// arrives afterwards as after a long gap (filters restart, episodes end), its gap length at least the wall
    /// time since the last frame before the silence. One pending timer per device,
    /// moved only when it fires, never one per frame.
    /// </summary>
    public static IObservable<PostureFrame> MarkSilence(this IObservable<PostureFrame> source, DeviceTimeOptions options, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return Observable.Create<PostureFrame>(observer =>
        {
            var watch = new SilenceMarker(observer, options, scheduler);
            IDisposable subscription = source.Subscribe(watch);
            return new CompositeDisposable(subscription, watch);
        });
    }

    /// <inheritdoc cref="MarkSilence(IObservable{PostureFrame}, DeviceTimeOptions, IScheduler)"/>
    public static IObservable<PostureFrame> MarkSilence(this IObservable<PostureFrame> source, IScheduler scheduler) =>
        source.MarkSilence(new DeviceTimeOptions(), scheduler);

    private sealed class SilenceMarker : IObserver<PostureFrame>, IDisposable
    {
        private readonly Lock gate = new();
        private readonly IObserver<PostureFrame> downstream;
        private readonly SilenceWatch watch;
        private bool stopped;
        private ulong deviceId;
        private int sampleRateHz;
        private long lastDeviceMicroseconds;

        public SilenceMarker(IObserver<PostureFrame> downstream, DeviceTimeOptions options, IScheduler scheduler)
        {
            this.downstream = downstream;
            sampleRateHz = options.DefaultSampleRateHz;
            watch = new SilenceWatch(gate, options.SilenceTimeout, scheduler, OnSilent);
        }

        public void OnNext(PostureFrame value)
        {
            lock (gate)
            {
                if (stopped)
                {
                    return;
                }

                watch.Arrived();
                if (value.Kind == FrameKind.Samples)
                {
                    watch.MarkFirst(ref value.MutableSamples[0]);
                }

                deviceId = value.DeviceId;
                sampleRateHz = value.SampleRateHz;
                lastDeviceMicroseconds = value.DeviceMicroseconds;
                downstream.OnNext(value);
            }
        }

        public void OnError(Exception error)
        {
            lock (gate)
            {
                Stop();
                downstream.OnError(error);
            }
        }

        public void OnCompleted()
        {
            lock (gate)
            {
                Stop();
                downstream.OnCompleted();
            }
        }

        public void Dispose()
        {
            lock (gate)
            {
                Stop();
            }
        }

        private void Stop()
        {
            stopped = true;
            watch.Dispose();
        }

        /// <summary>Under the gate, from the watch's timer.</summary>
        private void OnSilent() =>
            downstream.OnNext(new PostureFrame(FrameKind.Silence, null)
            {
                DeviceId = deviceId,
                SampleRateHz = sampleRateHz,
                DeviceMicroseconds = lastDeviceMicroseconds,
            });
    }
}
