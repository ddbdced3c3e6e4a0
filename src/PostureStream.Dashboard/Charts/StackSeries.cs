using PostureStream.Storage.Trends;

namespace PostureStream.Dashboard.Charts;

/// <summary>One layer of the time-in-state stacked bars.</summary>
internal sealed record StackSeries(string Key, string Colour, Func<TimeInStateBucket, double> Seconds)
{
    public static readonly IReadOnlyList<StackSeries> States =
    [
        new("neutral", "#16a34a", b => b.SecondsNeutral),
        new("flattened", "#2563eb", b => b.SecondsFlattened),
        new("hyperextended", "#ea580c", b => b.SecondsHyperextended),
        new("uncalibrated", "#9ca3af", b => b.SecondsUncalibrated),
    ];

    public static readonly IReadOnlyList<StackSeries> Activities =
    [
        new("standing", "#0891b2", b => b.SecondsStanding),
        new("sitting", "#a16207", b => b.SecondsSitting),
        new("walking", "#16a34a", b => b.SecondsWalking),
        new("bending", "#dc2626", b => b.SecondsBending),
        new("lying", "#6b7280", b => b.SecondsLying),
    ];
}
