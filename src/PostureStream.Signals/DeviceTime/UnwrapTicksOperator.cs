using System.Reactive.Linq;
using PostureStream.Protocol;

namespace PostureStream.Signals;

public static class UnwrapTicksOperator
{
    /// <summary>
    /// The first signal stage: turns one device's decoded messages into <see cref="PostureFrame"/>s with
    /// unwrapped device time, raw degrees and gap/reset marks (Signals README, device time). HELLO sets the device id and
    /// the nominal sample rate (0 or none = <see cref="DeviceTimeOptions.DefaultSampleRateHz"/>);
    /// STATUS and EVENT pass through as frames without samples; other messages (ACK, host commands) are dropped.
    /// </summary>
    public static IObservable<PostureFrame> UnwrapTicks(this IObservable<PspMessage> source, DeviceTimeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        DeviceTimeOptions validated = (options ?? new DeviceTimeOptions()).Validate();
        return Observable.Create<PostureFrame>(observer => source.Subscribe(new Unwrapper(observer, validated)));
    }

    private sealed class Unwrapper(IObserver<PostureFrame> downstream, DeviceTimeOptions options) : IObserver<PspMessage>
    {
        private readonly long longGapMicroseconds = (long)options.LongGap.TotalMicroseconds;
        private readonly TickUnwrapper ticks = new();
        private ulong deviceId;
        private int sampleRateHz = options.DefaultSampleRateHz;
        private long periodMicroseconds = 1_000_000 / options.DefaultSampleRateHz;
        private long gapMicroseconds = (long)(1_000_000.0 / options.DefaultSampleRateHz * options.GapPeriods);

        public void OnNext(PspMessage value)
        {
            PostureFrame? frame = value switch
            {
                SamplesMessage samples => FromSamples(samples.Samples),
                HelloMessage hello => FromHello(hello),
                StatusMessage => new PostureFrame(FrameKind.Status, value),
                EventMessage e => new PostureFrame(FrameKind.Event, value) { DeviceMicroseconds = ticks.Peek(e.TickMicroseconds) },
                _ => null,
            };
            if (frame is null)
            {
                return;
            }

            frame.DeviceId = deviceId;
            frame.SampleRateHz = sampleRateHz;
            if (frame.Kind is not (FrameKind.Samples or FrameKind.Event))
            {
                frame.DeviceMicroseconds = ticks.DeviceMicroseconds;
            }

            downstream.OnNext(frame);
        }

        public void OnError(Exception error) => downstream.OnError(error);

        public void OnCompleted() => downstream.OnCompleted();

        private PostureFrame? FromSamples(Sample[] received)
        {
            if (received.Length == 0)
            {
                return null;
            }

            var samples = new PostureSample[received.Length];
            for (int i = 0; i < received.Length; i++)
            {
                Sample s = received[i];
                ref PostureSample target = ref samples[i];
                // A reset continues one nominal period after the last sample: the down time is unknown.
                TickStep step = ticks.Advance(s.TickMicroseconds, periodMicroseconds, out long stepMicroseconds);
                target.DeviceMicroseconds = ticks.DeviceMicroseconds;
                target.Marks = Marks(step, stepMicroseconds, out long gap);
                target.GapMicroseconds = gap;
                target.Raw = new SensorAngles(
                    Sample.ToDegrees(s.LumbarPitchCentiDegrees),
                    Sample.ToDegrees(s.LumbarRollCentiDegrees),
                    Sample.ToDegrees(s.PelvisPitchCentiDegrees),
                    Sample.ToDegrees(s.PelvisRollCentiDegrees));
            }

            return new PostureFrame(FrameKind.Samples, samples, null) { DeviceMicroseconds = samples[^1].DeviceMicroseconds };
        }

        /// <summary>
        /// A new segment at the first sample and after a reset; a gap (with its length) when a step forward is
        /// over the rate's threshold, a long gap when it is also over <see cref="DeviceTimeOptions.LongGap"/>.
        /// </summary>
        private SampleMarks Marks(TickStep step, long stepMicroseconds, out long gapLength)
        {
            gapLength = 0;
            if (step == TickStep.First)
            {
                return SampleMarks.SegmentStart;
            }

            if (step == TickStep.Reset)
            {
                return SampleMarks.SegmentStart | SampleMarks.DeviceReset | SampleMarks.Gap | SampleMarks.LongGap;
            }

            if (stepMicroseconds <= gapMicroseconds)
            {
                return SampleMarks.None;
            }

            gapLength = stepMicroseconds;
            return stepMicroseconds > longGapMicroseconds ? SampleMarks.Gap | SampleMarks.LongGap : SampleMarks.Gap;
        }

        private PostureFrame FromHello(HelloMessage hello)
        {
            deviceId = hello.DeviceId;
            sampleRateHz = hello.SampleRateHz == 0 ? options.DefaultSampleRateHz : hello.SampleRateHz;
            periodMicroseconds = 1_000_000 / sampleRateHz;
            gapMicroseconds = (long)(1_000_000.0 / sampleRateHz * options.GapPeriods);
            return new PostureFrame(FrameKind.Hello, hello);
        }
    }
}
