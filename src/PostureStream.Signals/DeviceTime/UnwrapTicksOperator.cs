using System.Reactive.Linq;
using PostureStream.Protocol;
using PostureStream.Signals.Pipeline;

namespace PostureStream.Signals;

public static class UnwrapTicksOperator
{
    /// <summary>
    /// The Rx form of the chain's PSP input and time line (<see cref="Pipeline.PspChainFeed"/> and
    /// <see cref="Pipeline.DeviceChain"/> run the same code). The first signal stage: turns one device's decoded messages into <see cref="PostureFrame"/>s with
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
        private readonly TickUnwrapper ticks = new();
        private DeviceTimeLine line = new(options);
        private ulong deviceId;
        private int sampleRateHz = options.DefaultSampleRateHz;

        public void OnNext(PspMessage value)
        {
            PostureFrame? frame = value switch
            {
                SamplesMessage samples => FromSamples(samples.Samples),
                HelloMessage hello => FromHello(hello),
                StatusMessage => new PostureFrame(FrameKind.Status, value) { DeviceMicroseconds = line.DeviceMicroseconds },
                EventMessage e => new PostureFrame(FrameKind.Event, value) { DeviceMicroseconds = line.Place(ticks.Peek(e.TickMicroseconds)) },
                _ => null,
            };
            if (frame is null)
            {
                return;
            }

            frame.DeviceId = deviceId;
            frame.SampleRateHz = sampleRateHz;
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
                target.Marks = line.Advance(ticks.Follow(s.TickMicroseconds), out long gap);
                target.DeviceMicroseconds = line.DeviceMicroseconds;
                target.GapMicroseconds = gap;
                target.Raw = new SensorAngles(
                    Sample.ToDegrees(s.LumbarPitchCentiDegrees),
                    Sample.ToDegrees(s.LumbarRollCentiDegrees),
                    Sample.ToDegrees(s.PelvisPitchCentiDegrees),
                    Sample.ToDegrees(s.PelvisRollCentiDegrees));
            }

            return new PostureFrame(FrameKind.Samples, samples, null) { DeviceMicroseconds = samples[^1].DeviceMicroseconds };
        }

        private PostureFrame FromHello(HelloMessage hello)
        {
            deviceId = hello.DeviceId;
            sampleRateHz = hello.SampleRateHz == 0 ? options.DefaultSampleRateHz : hello.SampleRateHz;
            line.SetRate(sampleRateHz);
            return new PostureFrame(FrameKind.Hello, hello) { DeviceMicroseconds = line.DeviceMicroseconds };
        }
    }
}
