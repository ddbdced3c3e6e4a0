namespace PostureStream.Signals;

/// <summary>
/// Spike removal (Signals README, filters): a causal running median of 5 per channel, restarted after every gap. Writes the
/// despiked channels into <see cref="PostureSample.Filtered"/> (the low-pass then filters them in place) and keeps the
/// despiked pelvis pitch in <see cref="PostureSample.PelvisPitchDespikedDegrees"/> for walking detection.
/// </summary>
internal struct Despiker
{
    private FourChannels<RunningMedian5> medians;

    public void Run(Span<PostureSample> samples)
    {
        for (int i = 0; i < samples.Length; i++)
        {
            ref PostureSample s = ref samples[i];
            if ((s.Marks & SampleMarks.Gap) != 0)
            {
                medians[0].Reset();
                medians[1].Reset();
                medians[2].Reset();
                medians[3].Reset();
            }

            SensorAngles raw = s.Raw;
            double pelvisPitch = medians[2].Push(raw.PelvisPitchDegrees);
            s.Filtered = new SensorAngles(
                medians[0].Push(raw.LumbarPitchDegrees),
                medians[1].Push(raw.LumbarRollDegrees),
                pelvisPitch,
                medians[3].Push(raw.PelvisRollDegrees));
            s.PelvisPitchDespikedDegrees = pelvisPitch;
        }
    }
}
