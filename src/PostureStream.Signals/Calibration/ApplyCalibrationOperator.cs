using System.Reactive.Linq;

namespace PostureStream.Signals;

public static class ApplyCalibrationOperator
{
    /// <summary>
    /// Runs the device's <see cref="DeviceCalibration"/> over the low-passed frames: loads its stored neutrals
    /// when the device id is first seen, takes new ones when asked (command, EVENT 1, after walking), marks them
    /// stale (EVENT 2, device reset, long gap), and sets each frame's <see cref="PostureFrame.Neutrals"/> and
    /// calibration state. A neutral taken or marked stale during a frame applies to the whole frame.
    /// </summary>
    public static IObservable<PostureFrame> ApplyCalibration(this IObservable<PostureFrame> source, DeviceCalibration calibration)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(calibration);
        return Observable.Create<PostureFrame>(observer => source.Subscribe(new Applier(observer, calibration)));
    }

    private sealed class Applier(IObserver<PostureFrame> downstream, DeviceCalibration calibration) : IObserver<PostureFrame>
    {
        public void OnNext(PostureFrame value)
        {
            calibration.Process(value);
            downstream.OnNext(value);
        }

        public void OnError(Exception error) => downstream.OnError(error);

        public void OnCompleted() => downstream.OnCompleted();
    }
}
