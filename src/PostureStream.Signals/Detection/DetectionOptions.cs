using System.Globalization;

namespace PostureStream.Signals.Detection;

/// <summary>
/// Every rule of activity, episode and alert detection (Detection README), with its defaults;
/// call <see cref="Validate"/> (<see cref="DeviceDetector"/> does) to get a message naming any bad value.
/// All durations are device time.
/// </summary>
public sealed class DetectionOptions
{
    // ---- activity ----

    /// <summary>How long a new activity must hold before it is taken. Default 1 s.</summary>
    public TimeSpan ActivityDebounce { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Bending when lumbar_flexion exceeds this. Default 35°.</summary>
    public double BendingLumbarFlexionDegrees { get; set; } = 35;

    /// <summary>Lying when both sensors are further than this from upright in pitch or roll. Default 60°.</summary>
    public double LyingInclinationDegrees { get; set; } = 60;

    /// <summary>... for at least this long (so a deep hip-hinge bend is not lying). Default 10 s.</summary>
    public TimeSpan LyingMinimumDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Lowest step frequency counted as walking. Default 1.2 Hz.</summary>
    public double WalkingMinFrequencyHz { get; set; } = 1.2;

    /// <summary>Highest step frequency counted as walking. Default 2.5 Hz.</summary>
    public double WalkingMaxFrequencyHz { get; set; } = 2.5;

    /// <summary>
    /// Half-width of the hysteresis band on the band-passed pelvis pitch: an oscillation must swing
    /// past ± this to count as a step. Default 0.5° (gait moves the pelvis by several degrees; noise and breathing do not).
    /// </summary>
    public double WalkingMinAmplitudeDegrees { get; set; } = 0.5;

    /// <summary>Consecutive in-band step periods needed before walking is recognised. Default 2.</summary>
    public int WalkingCyclesToDetect { get; set; } = 2;

    /// <summary>Sitting when pelvic_tilt is at or below this (pelvis rotated posteriorly). Default −12°.</summary>
    public double SittingPelvicTiltDegrees { get; set; } = -12;

    // ---- episodes ----

    /// <summary>Thresholds while standing (and every activity but sitting). Defaults −10/−7 and +8/+5.</summary>
    public EpisodeThresholds Standing { get; set; } = new();

    /// <summary>Thresholds while sitting, against the sitting neutral. Defaults −10/−7 and +8/+5.</summary>
    public EpisodeThresholds Sitting { get; set; } = new();

    /// <summary>Accumulated time at which an episode raises its alert. Default 60 s.</summary>
    public TimeSpan SustainTime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A reminder every this much further accumulated time; zero = no reminders. Default 10 min.</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>An excursion back past the end threshold up to this long only pauses the episode; a longer one ends it. Default 3 s.</summary>
    public TimeSpan ExcursionTolerance { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>A gap up to this long pauses an episode; a longer one ends it. Default 10 s.</summary>
    public TimeSpan GapTolerance { get; set; } = TimeSpan.FromSeconds(10);

    // ---- alert fatigue ----

    /// <summary>At most this many buzzes per <see cref="BuzzWindow"/>; 0 = never buzz. Default 4.</summary>
    public int MaxBuzzesPerWindow { get; set; } = 4;

    /// <summary>The rolling window of the buzz limit. Default 1 h.</summary>
    public TimeSpan BuzzWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Local time of day at which quiet hours (no buzz) start; null = no quiet hours. Default null.</summary>
    public TimeOnly? QuietHoursStart { get; set; }

    /// <summary>Local time of day at which quiet hours end, exclusive (before the start: the window crosses midnight; equal to it: no quiet hours). Default null.</summary>
    public TimeOnly? QuietHoursEnd { get; set; }

    /// <summary>The zone quiet hours are read in. Default the machine's zone.</summary>
    public TimeZoneInfo QuietHoursTimeZone { get; set; } = TimeZoneInfo.Local;

    /// <summary>How long a snooze (EVENT code 4, dashboard) holds buzzes back. Default 30 min.</summary>
    public TimeSpan SnoozeDuration { get; set; } = TimeSpan.FromMinutes(30);

    // ---- bending quality, storage ----

    /// <summary>A bend whose lumbar share exceeds this is lumbar-dominant. Default 0.6.</summary>
    public double LumbarDominantShare { get; set; } = 0.6;

    /// <summary>Device-time interval of the decimated <c>posture</c> series. Default 100 ms.</summary>
    public TimeSpan DecimationInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>A copy whose settings can be changed for one wearer (e.g. their own thresholds).</summary>
    public DetectionOptions Clone() => (DetectionOptions)MemberwiseClone();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad value and what would be valid.</summary>
    public void Validate()
    {
        Positive(ActivityDebounce, nameof(ActivityDebounce), allowZero: true);
        Range(BendingLumbarFlexionDegrees, 5, 120, nameof(BendingLumbarFlexionDegrees));
        Range(LyingInclinationDegrees, 20, 90, nameof(LyingInclinationDegrees));
        Positive(LyingMinimumDuration, nameof(LyingMinimumDuration), allowZero: true);
        Range(WalkingMinFrequencyHz, 0.2, 10, nameof(WalkingMinFrequencyHz));
        Range(WalkingMaxFrequencyHz, 0.2, 10, nameof(WalkingMaxFrequencyHz));
        if (WalkingMaxFrequencyHz <= WalkingMinFrequencyHz)
        {
            throw Bad(nameof(WalkingMaxFrequencyHz), WalkingMaxFrequencyHz, $"greater than {nameof(WalkingMinFrequencyHz)}={Format(WalkingMinFrequencyHz)}");
        }

        Range(WalkingMinAmplitudeDegrees, 0.01, 20, nameof(WalkingMinAmplitudeDegrees));
        if (WalkingCyclesToDetect is < 1 or > 10)
        {
            throw Bad(nameof(WalkingCyclesToDetect), WalkingCyclesToDetect, "1 to 10");
        }

        Range(SittingPelvicTiltDegrees, -60, -1, nameof(SittingPelvicTiltDegrees));
        ArgumentNullException.ThrowIfNull(Standing, nameof(Standing));
        ArgumentNullException.ThrowIfNull(Sitting, nameof(Sitting));
        Standing.Validate("standing");
        Sitting.Validate("sitting");
        Positive(SustainTime, nameof(SustainTime), allowZero: false);
        Positive(ReminderInterval, nameof(ReminderInterval), allowZero: true);
        Positive(ExcursionTolerance, nameof(ExcursionTolerance), allowZero: true);
        Positive(GapTolerance, nameof(GapTolerance), allowZero: true);
        if (MaxBuzzesPerWindow is < 0 or > DeviceDetectorLimits.MaxBuzzesPerWindow)
        {
            throw Bad(nameof(MaxBuzzesPerWindow), MaxBuzzesPerWindow, $"0 to {DeviceDetectorLimits.MaxBuzzesPerWindow}");
        }

        Positive(BuzzWindow, nameof(BuzzWindow), allowZero: false);
        if (QuietHoursStart.HasValue != QuietHoursEnd.HasValue)
        {
            throw new ArgumentException($"{nameof(QuietHoursStart)} and {nameof(QuietHoursEnd)} must be set together (got start={QuietHoursStart?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "none"}, end={QuietHoursEnd?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "none"}).");
        }

        ArgumentNullException.ThrowIfNull(QuietHoursTimeZone, nameof(QuietHoursTimeZone));
        Positive(SnoozeDuration, nameof(SnoozeDuration), allowZero: true);
        Range(LumbarDominantShare, 0, 1, nameof(LumbarDominantShare));
        Positive(DecimationInterval, nameof(DecimationInterval), allowZero: false);
    }

    private static void Range(double value, double min, double max, string name)
    {
        if (!(value >= min && value <= max))
        {
            throw Bad(name, value, $"{Format(min)} to {Format(max)}");
        }
    }

    private static void Positive(TimeSpan value, string name, bool allowZero)
    {
        if (value < TimeSpan.Zero || (!allowZero && value == TimeSpan.Zero) || value > TimeSpan.FromDays(1))
        {
            throw Bad(name, value, allowZero ? "0 to 1 day" : "more than 0, up to 1 day");
        }
    }

    private static ArgumentException Bad(string name, object value, string valid) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{name}={value} is invalid: must be {valid}."));

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Fixed capacities of the per-device state.</summary>
public static class DeviceDetectorLimits
{
    /// <summary>Room in the buzz history (the hourly buzz limit cannot exceed it).</summary>
    public const int MaxBuzzesPerWindow = 16;
}
