using System.Reactive.Linq;

namespace PostureStream.Signals;

public static class LowPassOperator
{
    /// <summary>
    /// The Butterworth low-pass (Signals README, filters) over the four channels of <see cref="PostureSample.Filtered"/>, in
    /// place, designed for each device's sample rate (redesigned when a HELLO changes it). Each channel starts
    /// in steady state from its first value and restarts after every gap, so no state crosses a gap.
    /// </summary>
    public static IObservable<PostureFrame> LowPass(this IObservable<PostureFrame> source, LowPassOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        LowPassOptions validated = (options ?? new LowPassOptions()).Validate();
        return Observable.Create<PostureFrame>(observer => source.Subscribe(new Filter(observer, validated)));
    }

    private sealed class Filter(IObserver<PostureFrame> downstream, LowPassOptions options) : IObserver<PostureFrame>
    {
        private FourChannels<BiquadCascade> channels;
        private SosFilter? design;
        private int designRateHz;

        public void OnNext(PostureFrame value)
        {
            Span<PostureSample> samples = value.MutableSamples;
            if (samples.Length > 0 && (design is null || value.SampleRateHz != designRateHz))
            {
                designRateHz = value.SampleRateHz;
                design = options.DesignFor(designRateHz);
                ResetAll();
            }

            for (int i = 0; i < samples.Length; i++)
            {
                ref PostureSample s = ref samples[i];
                if ((s.Marks & SampleMarks.Gap) != 0)
                {
                    ResetAll();
                }

                SensorAngles x = s.Filtered;
                s.Filtered = new SensorAngles(
                    channels[0].Process(x.LumbarPitchDegrees, design!),
                    channels[1].Process(x.LumbarRollDegrees, design!),
                    channels[2].Process(x.PelvisPitchDegrees, design!),
                    channels[3].Process(x.PelvisRollDegrees, design!));
            }

            downstream.OnNext(value);
        }

        public void OnError(Exception error) => downstream.OnError(error);

        public void OnCompleted() => downstream.OnCompleted();

        private void ResetAll()
        {
            channels[0].Reset();
            channels[1].Reset();
            channels[2].Reset();
            channels[3].Reset();
        }
    }
}
