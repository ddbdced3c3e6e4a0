using System.Reactive.Linq;
using PostureStream.Protocol;

namespace PostureStream.Signals;

public static class MarkSensorFaultsOperator
{
    /// <summary>
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
        private SensorFaults fromMask;
        private SensorFaults fromStatus;

        public void OnNext(PostureFrame value)
        {
            switch (value.Message)
            {
                case HelloMessage hello:
                    fromMask = ((hello.Sensors & SensorMask.Lumbar) == 0 ? SensorFaults.Lumbar : SensorFaults.None)
                        | ((hello.Sensors & SensorMask.Pelvis) == 0 ? SensorFaults.Pelvis : SensorFaults.None);
                    break;
                case StatusMessage status:
                    fromStatus = ((status.Flags & StatusFlags.LumbarFault) != 0 ? SensorFaults.Lumbar : SensorFaults.None)
                        | ((status.Flags & StatusFlags.PelvisFault) != 0 ? SensorFaults.Pelvis : SensorFaults.None);
                    break;
            }

            SensorFaults standing = fromMask | fromStatus;
            Span<PostureSample> samples = value.MutableSamples;
            for (int i = 0; i < samples.Length; i++)
            {
                ref PostureSample s = ref samples[i];
                SensorAngles raw = s.Raw;
                SensorFaults faults = standing;
                if (double.IsNaN(raw.LumbarPitchDegrees) || double.IsNaN(raw.LumbarRollDegrees))
                {
                    faults |= SensorFaults.Lumbar;
                }

                if (double.IsNaN(raw.PelvisPitchDegrees) || double.IsNaN(raw.PelvisRollDegrees))
                {
                    faults |= SensorFaults.Pelvis;
                }

                s.Faults = faults;
            }

            value.Faults = samples.Length > 0 ? samples[^1].Faults : standing;
            downstream.OnNext(value);
        }

        public void OnError(Exception error) => downstream.OnError(error);

        public void OnCompleted() => downstream.OnCompleted();
    }
}
