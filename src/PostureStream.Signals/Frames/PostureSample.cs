namespace PostureStream.Signals;

/// <summary>
/// One sample as it leaves the signal stages. Angles are degrees; NaN means "not available"
/// (a sensor fault, or no calibration for the values that need one).
/// Fields are filled stage by stage (see README): time by <c>UnwrapTicks</c>/<c>StampUtc</c>,
/// <see cref="Filtered"/> by <c>RemoveSpikes</c> then <c>LowPass</c>, the derived angles by <c>ComputeAngles</c>.
/// Settable so that tests and simulations downstream can build samples directly; frames hand them out read-only.
/// </summary>
public struct PostureSample
{
    /// <summary>Unwrapped device time, µs: monotonic across wraps, resets and gaps. Every duration is measured on it.</summary>
    public long DeviceMicroseconds { get; set; }

    /// <summary>UTC stamp, µs since the Unix epoch (Signals README, device time). Only a label: never measure durations with it.</summary>
    public long UtcMicroseconds { get; set; }

    /// <summary>Device-time length of the gap before this sample (its tick step), µs; 0 when there was none or its length is unknown (reset, silence).</summary>
    public long GapMicroseconds { get; set; }

    public SampleMarks Marks { get; set; }

    /// <summary>Sensors in fault at this sample; values that need them are NaN.</summary>
    public SensorFaults Faults { get; set; }

    public CalibrationState Calibration { get; set; }

    /// <summary>The four channels as received (raw / 100).</summary>
    public SensorAngles Raw { get; set; }

    /// <summary>Pelvis pitch after spike removal (running median of 5) and BEFORE the low-pass: the walking detector's input.</summary>
    public double PelvisPitchDespikedDegrees { get; set; }

    /// <summary>The four channels after spike removal and the low-pass. Activity and calibration read these.</summary>
    public SensorAngles Filtered { get; set; }

    /// <summary>pelvis_pitch − standing-neutral pelvis_pitch (low-passed); positive = anterior tilt.</summary>
    public double PelvicTiltDegrees { get; set; }

    /// <summary>lumbar_pitch − standing-neutral lumbar_pitch (low-passed); positive = forward.</summary>
    public double LumbarFlexionDegrees { get; set; }

    /// <summary>pelvis_pitch − lumbar_pitch (low-passed); needs no calibration.</summary>
    public double LordosisDegrees { get; set; }

    /// <summary>lordosis − standing-neutral lordosis: the delta to use unless the wearer sits.</summary>
    public double LordosisDeltaStandingDegrees { get; set; }

    /// <summary>lordosis − sitting-neutral lordosis (taken, or the standing one shifted by the default): the delta to use while sitting.</summary>
    public double LordosisDeltaSittingDegrees { get; set; }

    /// <summary>lordosis_delta against the neutral of the current posture, which detection knows (Signals README, angles).</summary>
    public readonly double LordosisDelta(bool sitting) => sitting ? LordosisDeltaSittingDegrees : LordosisDeltaStandingDegrees;

    /// <summary>True when a gap (of any length) precedes this sample.</summary>
    public readonly bool IsAfterGap => (Marks & SampleMarks.Gap) != 0;
}
