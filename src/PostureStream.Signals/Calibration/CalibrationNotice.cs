namespace PostureStream.Signals;

/// <summary>What happened to a device's calibration, for the terminal and the dashboard.</summary>
public enum CalibrationNoticeKind
{
    /// <summary>A stored record was loaded for the device.</summary>
    Loaded,

    /// <summary>A neutral was asked for: the next quiet window will be taken.</summary>
    Waiting,

    /// <summary>A neutral was taken and stored.</summary>
    Taken,

    /// <summary>The neutral went stale: the wearer should recalibrate (it is still used meanwhile).</summary>
    Stale,
}

/// <summary>One change of a device's calibration, stamped with the device time and UTC of the frame it happened in.</summary>
public sealed record CalibrationNotice(
    ulong DeviceId,
    CalibrationNoticeKind Kind,
    NeutralKind Neutral,
    CalibrationSource Source,
    StaleReason Stale,
    long DeviceMicroseconds,
    DateTimeOffset At)
{
    /// <summary>For <see cref="CalibrationNoticeKind.Taken"/>: how much of the quiet window arrived; null otherwise.</summary>
    public WindowCoverage? Window { get; init; }
}

/// <summary>
/// How much of a quiet window arrived: <paramref name="Points"/> of <paramref name="NominalPoints"/> (one per
/// 100 ms by default), with <paramref name="BridgedGaps"/> short holes between them that were bridged, not filled in.
/// </summary>
public readonly record struct WindowCoverage(int Points, int NominalPoints, int BridgedGaps)
{
    /// <summary>Points / nominal points, 0–1.</summary>
    public double Share => NominalPoints == 0 ? 0 : (double)Points / NominalPoints;
}
