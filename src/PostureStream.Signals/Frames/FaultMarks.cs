namespace PostureStream.Signals;

/// <summary>
/// Which sensors are in fault at each sample (Signals README, angles): a sensor the device does not have, a fault flag of
/// the last status (in force until the next status), or an unavailable (NaN) reading of that sensor in the sample itself.
/// </summary>
internal struct FaultMarks
{
    private SensorFaults missing;
    private SensorFaults fromStatus;

    /// <summary>The faults every sample has now, before its own readings are looked at.</summary>
    public readonly SensorFaults Standing => missing | fromStatus;

    public void SetMissing(SensorFaults sensors) => missing = sensors;

    public void SetStatus(SensorFaults faults) => fromStatus = faults;

    /// <summary>Marks each sample (keeping faults the source already set); returns the last sample's faults.</summary>
    public readonly SensorFaults Mark(Span<PostureSample> samples)
    {
        SensorFaults standing = Standing;
        for (int i = 0; i < samples.Length; i++)
        {
            ref PostureSample s = ref samples[i];
            SensorAngles raw = s.Raw;
            SensorFaults faults = standing | s.Faults;
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

        return samples.Length > 0 ? samples[^1].Faults : standing;
    }
}
