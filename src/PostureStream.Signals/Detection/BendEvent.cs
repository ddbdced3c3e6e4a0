namespace PostureStream.Signals.Detection;

/// <summary>
/// One forward bend (bending quality in Detection README; <c>posture_bend</c> in Storage README, schema), emitted when the bend ends
/// and stamped at its peak of trunk flexion.
/// </summary>
/// <param name="Utc">Stamp of the peak sample.</param>
/// <param name="DeviceMicros">Device time of the peak sample.</param>
/// <param name="Duration">From the first to the last sample with lumbar_flexion past the bending threshold.</param>
/// <param name="PeakLumbarFlexion">Largest lumbar_flexion of the bend, degrees.</param>
/// <param name="PeakPelvicRotation">Largest forward pelvic tilt of the bend, degrees (≥ 0).</param>
/// <param name="LumbarShare">lumbar / (lumbar + pelvic) at the peak of trunk flexion, 0–1.</param>
/// <param name="LumbarDominant">LumbarShare above the configured limit (default 0.6): bending from the back.</param>
public readonly record struct BendEvent(
    DeviceIdentity Device,
    DateTime Utc,
    long DeviceMicros,
    TimeSpan Duration,
    double PeakLumbarFlexion,
    double PeakPelvicRotation,
    double LumbarShare,
    bool LumbarDominant)
{
    public double DurationSeconds => Duration.Ticks / (double)TimeSpan.TicksPerSecond;
}
