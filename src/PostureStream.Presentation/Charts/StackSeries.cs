using PostureStream.Presentation.Styling;
using PostureStream.Storage.Trends;

namespace PostureStream.Presentation.Charts;

/// <summary>One layer of the time-in-state stacked bars.</summary>
public sealed record StackSeries(string Key, string Colour, Func<TimeInStateBucket, double> Seconds)
{
    public static readonly IReadOnlyList<StackSeries> States =
    [
        new(VocabularyText.ToText(PostureState.Neutral), Palette.Of(PostureState.Neutral), b => b.SecondsNeutral),
        new(VocabularyText.ToText(PostureState.Flattened), Palette.Of(PostureState.Flattened), b => b.SecondsFlattened),
        new(VocabularyText.ToText(PostureState.Hyperextended), Palette.Of(PostureState.Hyperextended), b => b.SecondsHyperextended),
        new(VocabularyText.ToText(PostureState.Uncalibrated), Palette.Of(PostureState.Uncalibrated), b => b.SecondsUncalibrated),
    ];

    public static readonly IReadOnlyList<StackSeries> Activities =
    [
        new(VocabularyText.ToText(Activity.Standing), Palette.Of(Activity.Standing), b => b.SecondsStanding),
        new(VocabularyText.ToText(Activity.Sitting), Palette.Of(Activity.Sitting), b => b.SecondsSitting),
        new(VocabularyText.ToText(Activity.Walking), Palette.Of(Activity.Walking), b => b.SecondsWalking),
        new(VocabularyText.ToText(Activity.Bending), Palette.Of(Activity.Bending), b => b.SecondsBending),
        new(VocabularyText.ToText(Activity.Lying), Palette.Of(Activity.Lying), b => b.SecondsLying),
    ];
}
