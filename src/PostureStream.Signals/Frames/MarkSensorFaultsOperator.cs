using System.Reactive.Linq;
using PostureStream.Protocol;
using PostureStream.Signals.Pipeline;

namespace PostureStream.Signals;

public static class MarkSensorFaultsOperator
{
    /// <summary>
    /// The Rx form of the chain's fault stage (<see cref="Pipeline.DeviceChain"/> runs the same code in its loop).
    /// Marks which sensors are in fault at each sample (Signals README, angles): a sensor missing from the last HELLO's
    /// sensor_mask, a fault flag of the last STATUS (in force until the next STATUS), or a −32768 reading
    /// (pitch or roll) of that sensor in the sample itself.
    /// </summary>
    public static IObservable<PostureFrame> MarkSensorFaults(this IObservable<PostureFrame> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Observable.Create<PostureFrame>(observer => source.Subscribe(new FaultMarker(observer)));
    }

    private sealed class FaultMarker(IObserver<PostureFrame> downstream) : IObserver<PostureFrame>
    {
        private FaultMarks marks;

        public void OnNext(PostureFrame value)
        {
            switch (value.Message)
            {
                case HelloMessage hello:
                    marks.SetMissing(PspChainFeed.MissingOf(hello.Sensors));
                    break;
                case StatusMessage status:
                    marks.SetStatus(PspChainFeed.StatusOf(status).Faults);
                    break;
            }

            value.Faults = marks.Mark(value.MutableSamples);
            downstream.OnNext(value);
        }

        public void OnError(Exception error) => downstream.OnError(error);

        public void OnCompleted() => downstream.OnCompleted();
    }
}
