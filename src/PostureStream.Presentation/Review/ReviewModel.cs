using PostureStream.Analysis;

namespace PostureStream.Presentation.Review;

/// <summary>
/// The physiotherapist's view of one wearer over a range: the pattern card and, per programme, its effects, sessions
/// and adherence. Computed by <see cref="ReviewBuilder"/>; laid out by <see cref="ReviewHtml"/> for the dashboard and
/// the report alike.
/// </summary>
public sealed record WearerReview(
    string DeviceId,
    string Device,
    DateOnly From,
    DateOnly To,
    PatternSummary Pattern,
    IReadOnlyList<ProgrammeReview> Programmes);

/// <summary>
/// One programme: the before/after effect of every metric that survives recalibration (the first is the standing
/// pelvic tilt of the daily neutrals, the one the panel charts), the sessions done and the adherence per week.
/// </summary>
public sealed record ProgrammeReview(
    long ProgrammeId,
    Programme Programme,
    IReadOnlyList<EffectEstimate> Effects,
    IReadOnlyList<(DateOnly Date, double Value)> StandingTilt,
    IReadOnlyList<ProgrammeSession> Sessions,
    IReadOnlyList<AdherenceWeek> Adherence);
