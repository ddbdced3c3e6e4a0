using System.Reactive.Concurrency;
using PostureStream.Protocol;

namespace PostureStream.Signals;

public static class ConditionSignalsOperator
{
    /// <summary>
    /// The signal stages of one device, composed in the order of the data flow (Signals README, data flow): <c>UnwrapTicks</c>,
    /// <c>MarkSilence</c> (live clock only), <c>StampUtc</c>, <c>MarkSensorFaults</c>, <c>RemoveSpikes</c>,
    /// <c>LowPass</c>, <c>ApplyCalibration</c>, <c>ComputeAngles</c>. The result is ready for detection.
    /// </summary>
    public static IObservable<PostureFrame> ConditionSignals(
        this IObservable<PspMessage> source,
        DeviceCalibration calibration,
        IScheduler scheduler,
        SignalOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(scheduler);
        SignalOptions o = (options ?? new SignalOptions()).Validate();
        IObservable<PostureFrame> frames = source.UnwrapTicks(o.DeviceTime);
        if (o.DeviceTime.Clock == ClockSource.Arrival)
        {
            frames = frames.MarkSilence(o.DeviceTime, scheduler);
        }

        return frames
            .StampUtc(o.DeviceTime, scheduler)
            .MarkSensorFaults()
            .RemoveSpikes()
            .LowPass(o.LowPass)
            .ApplyCalibration(calibration)
            .ComputeAngles();
    }
}
