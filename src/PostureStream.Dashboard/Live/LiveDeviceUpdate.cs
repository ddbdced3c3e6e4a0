using System.Text.Json.Serialization;
using PostureStream.Vocabulary;

namespace PostureStream.Dashboard.Live;

/// <summary>
/// What the live view shows for one device at one moment; the pipeline publishes a few a second.
/// Angles are degrees relative to the wearer's neutral (Signals README, angles), null while unavailable
/// (uncalibrated, or the sensor they need is faulty).
/// </summary>
public sealed record LiveDeviceUpdate
{
    /// <summary>The 16-hex-digit device id (the <c>device_id</c> tag).</summary>
    public required string DeviceId { get; init; }

    /// <summary>The display name (the <c>device</c> tag).</summary>
    public required string Device { get; init; }

    /// <summary>The time of the sample this update describes, UTC.</summary>
    public required DateTime TimeUtc { get; init; }

    public Activity Activity { get; init; }

    public PostureState State { get; init; }

    public double? PelvicTilt { get; init; }

    public double? LumbarFlexion { get; init; }

    public double? LordosisDelta { get; init; }

    /// <summary>Accumulated time of the current episode (zero when none); sent as seconds.</summary>
    [JsonConverter(typeof(TimeSpanSecondsConverter))]
    public TimeSpan EpisodeTime { get; init; }

    /// <summary>The kind of the current episode, null when there is none.</summary>
    public AlertKind? EpisodeKind { get; init; }

    public LiveAlert? LastAlert { get; init; }

    public int? BatteryPercent { get; init; }

    public int? BatteryMillivolts { get; init; }

    public LinkHealth? Link { get; init; }

    public CalibrationState Calibration { get; init; }

    /// <summary>Which sensor is faulty and why, for the wearer to read; null when both are fine.</summary>
    public string? SensorFault { get; init; }

    /// <summary>Until when buzzes are snoozed (UTC), null when not snoozed.</summary>
    public DateTime? SnoozedUntilUtc { get; init; }

    /// <summary>
    /// A wearer of two sensors: the guided functional calibration's step and what to do now, or that a sensor moved and
    /// a new one is needed; null when there is nothing to say (and always for a PSP device).
    /// </summary>
    public CalibrationGuidance? Guidance { get; init; }
}

/// <summary>Where a wearer's guided calibration is, and the words for the wearer (shown as they are).</summary>
public sealed record CalibrationGuidance(GuidanceStep Step, string Message);

/// <summary>The steps the live card shows for a wearer of two sensors (JSON: snake_case).</summary>
public enum GuidanceStep
{
    /// <summary>Stand still, relaxed, looking ahead (5 s).</summary>
    StandStill,

    /// <summary>Bend forward slowly as far as comfortable and come back up.</summary>
    Bend,

    /// <summary>Both sensors' alignments are saved.</summary>
    Done,

    /// <summary>A step did not work; the message says why. Press calibrate again.</summary>
    Failed,

    /// <summary>A sensor moved since its calibration: calibrate again.</summary>
    Needed,
}

/// <summary>The latest alert event of a device.</summary>
public sealed record LiveAlert(DateTime TimeUtc, AlertKind Kind, AlertPhase Phase, double DurationSeconds, double PeakDeltaDegrees, bool Buzzed);

/// <summary>The link's health over its last statistics interval (Storage README, schema <c>link_stats</c>).</summary>
public sealed record LinkHealth(bool Connected, Transport Transport, long LostFrames, long ErrorFrames, long Reconnects);

/// <summary>Whether the device has a standing neutral, and whether it is still trusted (Signals README, angles).</summary>
public enum CalibrationState
{
    Uncalibrated,
    Calibrated,
    Stale,
}
