namespace PostureStream.Signals;

/// <summary>
/// The Butterworth low-pass (Signals README, filters) over the four channels of <see cref="PostureSample.Filtered"/>, in
/// place, designed for the device's sample rate (redesigned when it changes). Each channel starts in steady state
/// from its first value and restarts after every gap, so no state crosses a gap.
/// </summary>
internal sealed class LowPassStage(LowPassOptions options)
{
    private FourChannels<BiquadCascade> channels;
    private SosFilter? design;
    private int designRateHz;

    public void Run(Span<PostureSample> samples, int sampleRateHz)
    {
        if (samples.Length == 0)
        {
            return;
        }

        if (design is null || sampleRateHz != designRateHz)
        {
            designRateHz = sampleRateHz;
            design = options.DesignFor(designRateHz);
            ResetAll();
        }

        SosFilter filter = design;
        for (int i = 0; i < samples.Length; i++)
        {
            ref PostureSample s = ref samples[i];
            if ((s.Marks & SampleMarks.Gap) != 0)
            {
                ResetAll();
            }

            SensorAngles x = s.Filtered;
            s.Filtered = new SensorAngles(
                channels[0].Process(x.LumbarPitchDegrees, filter),
                channels[1].Process(x.LumbarRollDegrees, filter),
                channels[2].Process(x.PelvisPitchDegrees, filter),
                channels[3].Process(x.PelvisRollDegrees, filter));
        }
    }

    private void ResetAll()
    {
        channels[0].Reset();
        channels[1].Reset();
        channels[2].Reset();
        channels[3].Reset();
    }
}
