using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;

namespace PostureStream.Signals;

public static class MarkSilenceOperator
{
    /// <summary>
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
            var watch = new SilenceWatch(observer, options, scheduler);
            IDisposable subscription = source.Subscribe(watch);
            return new CompositeDisposable(subscription, watch);
        });
    }

    /// <inheritdoc cref="MarkSilence(IObservable{PostureFrame}, DeviceTimeOptions, IScheduler)"/>
    public static IObservable<PostureFrame> MarkSilence(this IObservable<PostureFrame> source, IScheduler scheduler) =>
        source.MarkSilence(new DeviceTimeOptions(), scheduler);

    private sealed class SilenceWatch : IObserver<PostureFrame>, IDisposable
    {
        private readonly Lock gate = new();
        private readonly IObserver<PostureFrame> downstream;
        private readonly TimeSpan timeout;
        private readonly IScheduler scheduler;
        private readonly SerialDisposable timer = new();
        private DateTimeOffset lastArrival;
        private DateTimeOffset silentSince;
        private bool silent;
        private bool markNextSample;
        private bool stopped;
        private ulong deviceId;
        private int sampleRateHz;
        private long lastDeviceMicroseconds;

        public SilenceWatch(IObserver<PostureFrame> downstream, DeviceTimeOptions options, IScheduler scheduler)
        {
            this.downstream = downstream;
            timeout = options.SilenceTimeout;
            sampleRateHz = options.DefaultSampleRateHz;
            this.scheduler = scheduler;
            lastArrival = scheduler.Now;
            ScheduleCheck(lastArrival + timeout);
        }

        public void OnNext(PostureFrame value)
        {
            lock (gate)
            {
                if (stopped)
                {
                    return;
                }

                DateTimeOffset now = scheduler.Now;
                if (silent)
                {
                    silent = false;
                    markNextSample = true;
                    silentSince = lastArrival;
                    ScheduleCheck(now + timeout);
                }

                lastArrival = now;
                if (markNextSample && value.Kind == FrameKind.Samples)
                {
                    markNextSample = false;
                    ref PostureSample first = ref value.MutableSamples[0];
                    first.Marks |= SampleMarks.Gap | SampleMarks.LongGap | SampleMarks.AfterSilence;

                    // Ticks may have wrapped unseen during a long silence: the wall time is the better length then.
                    first.GapMicroseconds = Math.Max(first.GapMicroseconds, (long)(now - silentSince).TotalMicroseconds);
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
            timer.Dispose();
        }

        private void ScheduleCheck(DateTimeOffset due) =>
            timer.Disposable = scheduler.Schedule(this, due, static (_, self) =>
            {
                self.Check();
                return Disposable.Empty;
            });

        private void Check()
        {
            lock (gate)
            {
                if (stopped || silent)
                {
                    return;
                }

                DateTimeOffset due = lastArrival + timeout;
                if (scheduler.Now < due)
                {
                    ScheduleCheck(due);
                    return;
                }

                silent = true;
                downstream.OnNext(new PostureFrame(FrameKind.Silence, null)
                {
                    DeviceId = deviceId,
                    SampleRateHz = sampleRateHz,
                    DeviceMicroseconds = lastDeviceMicroseconds,
                });
            }
        }
    }
}
