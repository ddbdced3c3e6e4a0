namespace PostureStream.Simulation.Truth;

/// <summary>
/// The episode rules (Detection README) the truth applies, with their defaults: flattening starts at a
/// lordosis delta ≤ −10° and ends above −7°; hyper-extension starts at ≥ +8° and ends below +5°;
/// an alert is raised at 60 s of accumulated time, reminded every 10 min more (0 = off); an
/// excursion past the end threshold of up to 3 s pauses, a longer one ends; a tick step over 3
/// sample periods is a gap (pauses), over 10 s it ends the episode.
/// </summary>
public sealed record EpisodeRules
{
    public double FlatteningStartDegrees { get; init; } = -10;
    public double FlatteningEndDegrees { get; init; } = -7;
    public double HyperextensionStartDegrees { get; init; } = 8;
    public double HyperextensionEndDegrees { get; init; } = 5;
    public TimeSpan Sustain { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan ReminderInterval { get; init; } = TimeSpan.FromMinutes(10);
    public TimeSpan MaxExcursion { get; init; } = TimeSpan.FromSeconds(3);
    public double GapSamplePeriods { get; init; } = 3;
    public TimeSpan LongGap { get; init; } = TimeSpan.FromSeconds(10);

    public static EpisodeRules Default { get; } = new();
}
