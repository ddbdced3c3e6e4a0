namespace PostureStream.Signals.Detection;

/// <summary>
/// One conditioned sample of one device, in device time: what the detection engine consumes.
/// The signal stages (time alignment, filters, calibration, angles) produce it.
/// </summary>
/// <param name="DeviceMicros">Unwrapped, monotonic device time (µs). Every duration is measured on it.</param>
/// <param name="Utc">UTC stamp: only put on outputs and used for quiet hours and minute boundaries; never for durations.</param>
/// <param name="LumbarPitch">Low-passed lumbar pitch, degrees; NaN = unavailable.</param>
/// <param name="LumbarRoll">Low-passed lumbar roll, degrees; NaN = unavailable.</param>
/// <param name="PelvisPitch">Low-passed pelvis pitch, degrees; NaN = unavailable.</param>
/// <param name="PelvisRoll">Low-passed pelvis roll, degrees; NaN = unavailable.</param>
/// <param name="PelvisPitchSpikeFiltered">Pelvis pitch after the median-5 spike filter only (before the low-pass, which would damp gait): walking detection.</param>
/// <param name="PelvicTilt">pelvis_pitch − standing-neutral pelvis pitch, degrees (NaN when uncalibrated or unavailable).</param>
/// <param name="LumbarFlexion">lumbar_pitch − standing-neutral lumbar pitch, degrees.</param>
/// <param name="LordosisDeltaStanding">lordosis − standing-neutral lordosis, degrees.</param>
/// <param name="LordosisDeltaSitting">lordosis − sitting-neutral lordosis, degrees.</param>
/// <param name="Flags">Gap, segment, fault and calibration marks.</param>
/// <param name="GapMicros">Length of the gap before this sample when <see cref="PostureInputFlags.GapBefore"/> is set (µs); 0 = unknown, then the device-time step is used.</param>
public readonly record struct PostureInput(
    long DeviceMicros,
    DateTime Utc,
    double LumbarPitch,
    double LumbarRoll,
    double PelvisPitch,
    double PelvisRoll,
    double PelvisPitchSpikeFiltered,
    double PelvicTilt,
    double LumbarFlexion,
    double LordosisDeltaStanding,
    double LordosisDeltaSitting,
    PostureInputFlags Flags,
    long GapMicros);

/// <summary>Marks on a <see cref="PostureInput"/>.</summary>
[Flags]
public enum PostureInputFlags : byte
{
    None = 0,

    /// <summary>A tick step of more than 3 nominal periods precedes this sample (Signals README, device time); see <see cref="PostureInput.GapMicros"/>.</summary>
    GapBefore = 1,

    /// <summary>First sample of a new segment (device reset): everything is restarted and open episodes end.</summary>
    SegmentStart = 2,

    /// <summary>The lumbar sensor is faulted (STATUS flag or missing from the sensor mask).</summary>
    LumbarFault = 4,

    /// <summary>The pelvis sensor is faulted (STATUS flag or missing from the sensor mask).</summary>
    PelvisFault = 8,

    /// <summary>No standing neutral yet: the relative angles are NaN.</summary>
    Uncalibrated = 16,

    /// <summary>The neutral is stale (EVENT code 2, reset, long gap): still used, a new one is wanted. Detection carries on.</summary>
    CalibrationStale = 32,
}
