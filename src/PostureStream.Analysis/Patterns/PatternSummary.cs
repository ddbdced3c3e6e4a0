namespace PostureStream.Analysis;

/// <summary>
/// The pattern of one wearer over a range: what was measured per context, the pattern it is consistent with, and how
/// many of the days agree. <see cref="PatternWording"/> turns it into the card's text.
/// </summary>
public sealed record PatternSummary(
    DateOnly? From,
    DateOnly? To,
    int Days,
    ContextTotals Sitting,
    ContextTotals Standing,
    ContextLean SittingLean,
    ContextLean StandingLean,
    int Bends,
    int LumbarDominantBends,
    BackPattern Pattern,
    PatternSupport Support,
    int DaysAgreeing,
    int DaysClassified)
{
    /// <summary>Share of bends that were lumbar-dominant; null without bends.</summary>
    public double? LumbarDominantShare => Bends > 0 ? (double)LumbarDominantBends / Bends : null;
}
