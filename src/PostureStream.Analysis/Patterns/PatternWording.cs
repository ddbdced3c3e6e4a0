using System.Globalization;

namespace PostureStream.Analysis;

/// <summary>
/// The pattern card's text, in words a clinician accepts: what was measured, what it is "consistent with" (never a
/// diagnosis), how strongly the days support it, and a pointer to the physiotherapist.
/// </summary>
public static class PatternWording
{
    public const string Disclaimer = "This summarises measurements; it is not a diagnosis. Discuss it with your physiotherapist.";

    /// <summary>The headline: the pattern the measurements are consistent with.</summary>
    public static string Headline(PatternSummary summary) => summary.Pattern switch
    {
        BackPattern.NotEnoughData => "Not enough days of sitting and standing yet to describe a pattern.",
        BackPattern.NoClearPattern => "No clear pattern: neither a flattened nor an arched lower back dominates.",
        BackPattern.Flattening =>
            "Consistent with a flattening pattern (posterior pelvic tilt, a flattened lumbar curve), a picture often associated with tight hamstrings.",
        BackPattern.HyperExtension =>
            "Consistent with a hyper-extension pattern (anterior pelvic tilt, an exaggerated lumbar curve), a picture often associated with tight hip flexors and weak hamstrings.",
        BackPattern.MixedByContext =>
            $"Consistent with a pattern that depends on context: {Lean(summary.SittingLean)} when sitting, {Lean(summary.StandingLean)} when standing.",
    };

    /// <summary>What was measured, in one or two sentences.</summary>
    public static string Measured(PatternSummary summary)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"Over {summary.Days} day{(summary.Days == 1 ? "" : "s")}: {Percent(summary.Sitting.FlattenedShare)} of sitting time and {Percent(summary.Standing.FlattenedShare)} of standing time flattened; "
            + $"{Percent(summary.Sitting.HyperextendedShare)} and {Percent(summary.Standing.HyperextendedShare)} hyper-extended.");
        if (summary.LumbarDominantShare is double share)
        {
            text += string.Create(CultureInfo.InvariantCulture,
                $" {Percent(share)} of {summary.Bends} forward bends came mostly from the lower back rather than the hips.");
        }

        return text;
    }

    /// <summary>How strongly the days support the pattern.</summary>
    public static string Support(PatternSummary summary) =>
        summary.Pattern == BackPattern.NotEnoughData
            ? string.Create(CultureInfo.InvariantCulture, $"{summary.DaysClassified} day(s) with enough sitting or standing so far.")
            : string.Create(CultureInfo.InvariantCulture,
                $"{SupportWord(summary.Support)} support: {summary.DaysAgreeing} of {summary.DaysClassified} days show the same pattern.");

    /// <summary>The whole card: headline, measurements, support, disclaimer.</summary>
    public static string Card(PatternSummary summary) =>
        string.Join(" ", Headline(summary), Measured(summary), Support(summary), Disclaimer);

    public static string SupportWord(PatternSupport support) => support switch
    {
        PatternSupport.Weak => "Weak",
        PatternSupport.Moderate => "Moderate",
        PatternSupport.Strong => "Strong",
    };

    public static string Name(BackPattern pattern) => pattern switch
    {
        BackPattern.NotEnoughData => "not enough data",
        BackPattern.NoClearPattern => "no clear pattern",
        BackPattern.Flattening => "flattening",
        BackPattern.HyperExtension => "hyper-extension",
        BackPattern.MixedByContext => "mixed by context",
    };

    private static string Lean(ContextLean lean) => lean switch
    {
        ContextLean.Unknown => "not enough data",
        ContextLean.Neither => "neither",
        ContextLean.Flattened => "flat",
        ContextLean.Hyperextended => "arched",
    };

    private static string Percent(double share) => string.Create(CultureInfo.InvariantCulture, $"{share * 100:0} %");
}
