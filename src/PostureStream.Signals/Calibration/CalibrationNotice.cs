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
    DateTimeOffset At);
