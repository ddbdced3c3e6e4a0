using System.Reactive.Linq;

namespace PostureStream.Signals;

public static class RemoveSpikesOperator
{
    /// <summary>
    /// The Rx form of the chain's spike removal stage (<see cref="Pipeline.DeviceChain"/> runs the same code in its loop).
    /// Spike removal (Signals README, filters): a causal running median of 5 per channel, restarted after every gap.
    /// Writes the despiked channels into <see cref="PostureSample.Filtered"/> (the low-pass then filters them
    /// in place) and keeps the despiked pelvis pitch in <see cref="PostureSample.PelvisPitchDespikedDegrees"/>,
    /// which walking detection reads before the low-pass damps the gait oscillation.
    /// </summary>
    public static IObservable<PostureFrame> RemoveSpikes(this IObservable<PostureFrame> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Observable.Create<PostureFrame>(observer => source.Subscribe(new DespikeObserver(observer)));
    }

    private sealed class DespikeObserver(IObserver<PostureFrame> downstream) : IObserver<PostureFrame>
    {
        private Despiker despiker;

        public void OnNext(PostureFrame value)
        {
            despiker.Run(value.MutableSamples);
            downstream.OnNext(value);
        }

        public void OnError(Exception error) => downstream.OnError(error);

        public void OnCompleted() => downstream.OnCompleted();
    }
}
