using System.Reactive.Concurrency;
using System.Reactive.Linq;

namespace PostureStream.Signals;

public static class StampUtcOperator
{
    /// <summary>
    /// The Rx form of the chain's UTC stamp stage (<see cref="Pipeline.DeviceChain"/> runs the same code in its loop).
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
        return Observable.Create<PostureFrame>(observer => source.Subscribe(new Stamper(observer, new UtcStamper(options, scheduler))));
    }

    /// <summary>Stamps with the current thread scheduler's clock (the system clock).</summary>
    public static IObservable<PostureFrame> StampUtc(this IObservable<PostureFrame> source, DeviceTimeOptions options) =>
        source.StampUtc(options, Scheduler.CurrentThread);

    private sealed class Stamper(IObserver<PostureFrame> downstream, UtcStamper stamper) : IObserver<PostureFrame>
    {
        public void OnNext(PostureFrame value)
        {
            value.UtcMicroseconds = value.Kind switch
            {
                FrameKind.Samples => stamper.StampSamples(value.MutableSamples, value.DeviceMicroseconds),
                FrameKind.Event => stamper.StampCue(value.DeviceMicroseconds),
                FrameKind.Hello or FrameKind.Status or FrameKind.Silence => stamper.StampControl(),
            };
            downstream.OnNext(value);
        }

        public void OnError(Exception error) => downstream.OnError(error);

        public void OnCompleted() => downstream.OnCompleted();
    }
}
