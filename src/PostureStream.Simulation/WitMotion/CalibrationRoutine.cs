using PostureStream.Simulation.Scenarios;

namespace PostureStream.Simulation.WitMotion;

/// <summary>
/// What a wearer of two WitMotion sensors does for the functional calibration, as scenario segments: stand still
/// (8 s), one slow forward bend from the hips and back up (10 s), stand again (6 s, the chain's standing neutral).
/// </summary>
public static class CalibrationRoutine
{
    public static IReadOnlyList<ScenarioSegment> Segments { get; } =
    [
        new ScenarioSegment(SegmentKind.Standing, TimeSpan.FromSeconds(8)),
        new ScenarioSegment(SegmentKind.HipHingeBend, TimeSpan.FromSeconds(10)) { Transition = TimeSpan.FromSeconds(0.5) },
        new ScenarioSegment(SegmentKind.Standing, TimeSpan.FromSeconds(6)),
    ];

    public static TimeSpan Duration => Segments.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Duration);

    /// <summary><paramref name="scenario"/> with the routine before its first segment (same name, wearer and device).</summary>
    public static Scenario Prepend(Scenario scenario) => scenario with { Segments = [.. Segments, .. scenario.Segments] };
}
