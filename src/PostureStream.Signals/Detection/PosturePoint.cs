namespace PostureStream.Signals.Detection;

/// <summary>
/// One decimated point of the <c>posture</c> measurement (Storage README, schema): the first sample at or after
/// each 100 ms boundary of device time. Angles in degrees, NaN when unavailable (storage drops NaN fields).
/// </summary>
public readonly record struct PosturePoint(
    DeviceIdentity Device,
    DateTime Utc,
    long DeviceMicros,
    double LumbarPitch,
    double LumbarRoll,
    double PelvisPitch,
    double PelvisRoll,
    double PelvicTilt,
    double LumbarFlexion,
    double LordosisDelta,
    Activity Activity,
    PostureState State)
{
    /// <summary>The <c>activity</c> field: standing, sitting, walking, bending, lying, unknown.</summary>
    public string ActivityName => VocabularyText.ToText(Activity);

    /// <summary>The <c>state</c> field: neutral, flattened, hyperextended, uncalibrated, sensor_fault.</summary>
    public string StateName => VocabularyText.ToText(State);
}
