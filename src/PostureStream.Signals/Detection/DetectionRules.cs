namespace PostureStream.Signals.Detection;

/// <summary>Validated options turned into device microseconds once, made once from the options.</summary>
internal sealed class DetectionRules
{
    private DetectionRules(DetectionOptions options)
    {
        options.Validate();
        Walking = WalkingRules.From(options);
        DebounceMicros = Micros(options.ActivityDebounce);
        BendingDegrees = options.BendingLumbarFlexionDegrees;
        LyingDegrees = options.LyingInclinationDegrees;
        LyingMicros = Micros(options.LyingMinimumDuration);
        SittingTiltDegrees = options.SittingPelvicTiltDegrees;
        Standing = options.Standing;
        Sitting = options.Sitting;
        SustainMicros = Micros(options.SustainTime);
        ReminderMicros = Micros(options.ReminderInterval);
        ExcursionMicros = Micros(options.ExcursionTolerance);
        GapMicros = Micros(options.GapTolerance);
        MaxBuzzes = options.MaxBuzzesPerWindow;
        BuzzWindowMicros = Micros(options.BuzzWindow);
        QuietStart = options.QuietHoursStart;
        QuietEnd = options.QuietHoursEnd;
        QuietZone = options.QuietHoursTimeZone;
        SnoozeMicros = Micros(options.SnoozeDuration);
        LumbarDominantShare = options.LumbarDominantShare;
        DecimationMicros = Micros(options.DecimationInterval);
    }

    public WalkingRules Walking { get; }

    public long DebounceMicros { get; }

    public double BendingDegrees { get; }

    public double LyingDegrees { get; }

    public long LyingMicros { get; }

    public double SittingTiltDegrees { get; }

    public EpisodeThresholds Standing { get; }

    public EpisodeThresholds Sitting { get; }

    public long SustainMicros { get; }

    public long ReminderMicros { get; }

    public long ExcursionMicros { get; }

    public long GapMicros { get; }

    public int MaxBuzzes { get; }

    public long BuzzWindowMicros { get; }

    public TimeOnly? QuietStart { get; }

    public TimeOnly? QuietEnd { get; }

    public TimeZoneInfo QuietZone { get; }

    public long SnoozeMicros { get; }

    public double LumbarDominantShare { get; }

    public long DecimationMicros { get; }

    public static DetectionRules From(DetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new DetectionRules(options);
    }

    private static long Micros(TimeSpan span) => span.Ticks / (TimeSpan.TicksPerMillisecond / 1000);
}
