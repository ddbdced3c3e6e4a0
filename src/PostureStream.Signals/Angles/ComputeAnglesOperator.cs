using System.Reactive.Linq;

namespace PostureStream.Signals;

public static class ComputeAnglesOperator
{
    /// <summary>
    /// The Rx form of the chain's angle stage (<see cref="Pipeline.DeviceChain"/> runs the same code in its loop).
    /// The posture angles (Signals README, angles) from the low-passed channels and the frame's neutrals:
    /// pelvic_tilt, lumbar_flexion, lordosis and lordosis_delta against both the standing and the sitting
    /// neutral (detection, which knows whether the wearer sits, picks one). A value is NaN when a sensor it
    /// needs is in fault, or, except lordosis, while uncalibrated.
    /// </summary>
    public static IObservable<PostureFrame> ComputeAngles(this IObservable<PostureFrame> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Observable.Create<PostureFrame>(observer => source.Subscribe(new AngleComputer(observer)));
    }

    private sealed class AngleComputer(IObserver<PostureFrame> downstream) : IObserver<PostureFrame>
    {
        public void OnNext(PostureFrame value)
        {
            AngleStage.Compute(value.MutableSamples, value.Neutrals);
            downstream.OnNext(value);
        }

        public void OnError(Exception error) => downstream.OnError(error);

        public void OnCompleted() => downstream.OnCompleted();
    }
}
