namespace PostureStream.Signals;

/// <summary>
/// The posture angles (Signals README, angles) from the low-passed channels and the neutrals: pelvic_tilt,
/// lumbar_flexion, lordosis and lordosis_delta against both the standing and the sitting neutral (detection, which
/// knows whether the wearer sits, picks one). A value is NaN when a sensor it needs is in fault, or, except lordosis,
/// while uncalibrated.
/// </summary>
internal static class AngleStage
{
    public static void Compute(Span<PostureSample> samples, NeutralSet? neutrals)
    {
        SensorAngles standing = neutrals?.Standing.Angles ?? SensorAngles.Unavailable;
        double standingLordosis = standing.LordosisDegrees;
        double sittingLordosis = neutrals?.SittingLordosisDegrees ?? double.NaN;
        for (int i = 0; i < samples.Length; i++)
        {
            ref PostureSample s = ref samples[i];
            SensorAngles f = s.Filtered;
            double lumbar = (s.Faults & SensorFaults.Lumbar) != 0 ? double.NaN : f.LumbarPitchDegrees;
            double pelvis = (s.Faults & SensorFaults.Pelvis) != 0 ? double.NaN : f.PelvisPitchDegrees;
            double lordosis = pelvis - lumbar;
            s.PelvicTiltDegrees = pelvis - standing.PelvisPitchDegrees;
            s.LumbarFlexionDegrees = lumbar - standing.LumbarPitchDegrees;
            s.LordosisDegrees = lordosis;
            s.LordosisDeltaStandingDegrees = lordosis - standingLordosis;
            s.LordosisDeltaSittingDegrees = lordosis - sittingLordosis;
        }
    }
}
