using System.Reactive.Linq;

namespace PostureStream.Signals;

public static class LowPassOperator
{
    /// <summary>
    /// The Rx form of the chain's low-pass stage (<see cref="Pipeline.DeviceChain"/> runs the same code in its loop).
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
        private readonly LowPassStage stage = new(options);

        public void OnNext(PostureFrame value)
        {
            stage.Run(value.MutableSamples, value.SampleRateHz);
            downstream.OnNext(value);
        }

        public void OnError(Exception error) => downstream.OnError(error);

        public void OnCompleted() => downstream.OnCompleted();
    }
}
