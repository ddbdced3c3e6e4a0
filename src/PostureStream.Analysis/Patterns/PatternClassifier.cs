namespace PostureStream.Analysis;

/// <summary>
/// Names the pattern of a range of days. Each context leans one way when that state filled at least
/// <see cref="PatternOptions.MarkedShare"/> of its time and <see cref="PatternOptions.DominanceRatio"/> times the
/// opposite state; the two contexts together give the pattern. These shares survive recalibration (a share of time
/// past thresholds around the wearer's own neutral), so the pattern does not drift with the daily re-attachment.
/// Support is the share of days whose own pattern is the range's.
/// </summary>
public static class PatternClassifier
{
    public static PatternSummary Classify(IReadOnlyList<DayMetrics> days, PatternOptions options)
    {
        options.Validate();
        var sitting = ContextTotals.Sum(days.Select(d => d.Sitting));
        var standing = ContextTotals.Sum(days.Select(d => d.Standing));
        int bends = days.Sum(d => d.Bends);
        int lumbar = days.Sum(d => d.LumbarDominantBends);
        int minimumMinutes = options.MinimumContextMinutesPerDay;

        var sittingLean = Lean(sitting, options, minimumMinutes);
        var standingLean = Lean(standing, options, minimumMinutes);
        var dayPatterns = days
            .Select(d => Combine(Lean(d.Sitting, options, minimumMinutes), Lean(d.Standing, options, minimumMinutes)))
            .Where(p => p != BackPattern.NotEnoughData)
            .ToList();

        var pattern = dayPatterns.Count < options.MinimumDays ? BackPattern.NotEnoughData : Combine(sittingLean, standingLean);
        int agreeing = dayPatterns.Count(p => p == pattern);
        double agreement = dayPatterns.Count == 0 ? 0 : (double)agreeing / dayPatterns.Count;
        var support = agreement >= options.StrongAgreement ? PatternSupport.Strong
            : agreement >= options.ModerateAgreement ? PatternSupport.Moderate
            : PatternSupport.Weak;

        return new(
            days.Count > 0 ? days[0].Date : null, days.Count > 0 ? days[^1].Date : null, days.Count,
            sitting, standing, sittingLean, standingLean, bends, lumbar, pattern, support, agreeing, dayPatterns.Count);
    }

    /// <summary>Which way a context leans by its shares of flattened and hyper-extended time.</summary>
    public static ContextLean Lean(ContextTotals context, PatternOptions options, int minimumMinutes)
    {
        if (context.Minutes < minimumMinutes)
        {
            return ContextLean.Unknown;
        }

        double flat = context.FlattenedShare, hyper = context.HyperextendedShare;
        if (flat >= options.MarkedShare && flat >= options.DominanceRatio * hyper)
        {
            return ContextLean.Flattened;
        }

        return hyper >= options.MarkedShare && hyper >= options.DominanceRatio * flat ? ContextLean.Hyperextended : ContextLean.Neither;
    }

    /// <summary>The pattern two contexts make together; unknown only when both are.</summary>
    public static BackPattern Combine(ContextLean sitting, ContextLean standing)
    {
        if (sitting == ContextLean.Unknown && standing == ContextLean.Unknown)
        {
            return BackPattern.NotEnoughData;
        }

        bool flat = sitting == ContextLean.Flattened || standing == ContextLean.Flattened;
        bool hyper = sitting == ContextLean.Hyperextended || standing == ContextLean.Hyperextended;
        return (flat, hyper) switch
        {
            (true, true) => BackPattern.MixedByContext,
            (true, false) => BackPattern.Flattening,
            (false, true) => BackPattern.HyperExtension,
            (false, false) => BackPattern.NoClearPattern,
        };
    }
}
