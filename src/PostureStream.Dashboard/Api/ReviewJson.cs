using PostureStream.Analysis;
using PostureStream.Presentation.Review;

namespace PostureStream.Dashboard.Api;

/// <summary>The physiotherapist's view as JSON: numbers as numbers (null where there are not enough days), and the sentences the page shows.</summary>
internal sealed record WearerReviewJson(
    string DeviceId,
    string Device,
    DateOnly From,
    DateOnly To,
    string Pattern,
    string Support,
    int DaysAgreeing,
    int DaysClassified,
    string Headline,
    string Measured,
    string Disclaimer,
    IReadOnlyList<ProgrammeReviewJson> Programmes)
{
    public static IReadOnlyList<WearerReviewJson> Of(IReadOnlyList<WearerReview> reviews) =>
    [
        .. reviews.Select(r => new WearerReviewJson(
            r.DeviceId, r.Device, r.From, r.To,
            PatternWording.Name(r.Pattern.Pattern), r.Pattern.Support.ToString().ToLowerInvariant(), r.Pattern.DaysAgreeing, r.Pattern.DaysClassified,
            PatternWording.Headline(r.Pattern), PatternWording.Measured(r.Pattern), PatternWording.Disclaimer,
            [.. r.Programmes.Select(ProgrammeReviewJson.Of)])),
    ];
}

internal sealed record ProgrammeReviewJson(
    long ProgrammeId, string Name, string Kind, IReadOnlyList<string> Targets, DateOnly Start, DateOnly? End, int PlannedSessionsPerWeek,
    int Sessions, IReadOnlyList<EffectJson> Effects, IReadOnlyList<AdherenceWeekJson> Adherence)
{
    public static ProgrammeReviewJson Of(ProgrammeReview p) => new(
        p.ProgrammeId, p.Programme.Name, p.Programme.Kind.ToString().ToLowerInvariant(), p.Programme.TargetMuscles, p.Programme.Start, p.Programme.End,
        p.Programme.PlannedSessionsPerWeek, p.Sessions.Count,
        [.. p.Effects.Select(e => new EffectJson(
            DailyMetrics.Describe(e.Metric).Name, DailyMetrics.Describe(e.Metric).Unit, e.Verdict.ToString(), e.DaysBefore, e.DaysAfter,
            Finite(e.Difference), Finite(e.Lower), Finite(e.Upper), e.SlopePerWeek, EffectWording.Sentence(e)))],
        [.. p.Adherence.Select(w => new AdherenceWeekJson(w.Week, w.Start, w.Done, w.Planned))]);

    // JSON has no NaN: a figure that cannot be computed yet is null.
    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}

internal sealed record EffectJson(
    string Metric, string Unit, string Verdict, int DaysBefore, int DaysAfter, double? Difference, double? Lower, double? Upper, double? SlopePerWeek, string Sentence);

internal sealed record AdherenceWeekJson(int Week, DateOnly Start, int Done, int Planned);
