using System.Globalization;
using PostureStream.Presentation.Styling;
using PostureStream.Storage.Trends;

namespace PostureStream.Presentation.Charts;

/// <summary>
/// Each forward bend as a dot at its lumbar share of trunk flexion (0–1): above the 0.6 line it
/// was "from the back" (lumbar-dominant), below it a hinge at the hips (Detection README).
/// </summary>
public static class BendChart
{
    private const double DominantShare = 0.6;
    private const string DominantColour = Palette.LumbarDominantBend;
    private const string HingeColour = Palette.HipHingeBend;

    public static string Render(IReadOnlyList<BendRow> bends, TrendQuery query)
    {
        var dominant = bends.Count(b => b.LumbarDominant);
        var svg = ChartFrame.Open(
            "bends",
            "Bends and their lumbar share",
            ("bends", bends.Count),
            ("lumbar-dominant", dominant),
            ("from", query.FromUtc),
            ("to", query.ToUtc),
            ("device", query.DeviceId ?? "all"));
        var meanShare = bends.Count > 0 ? bends.Average(b => b.LumbarShare) : 0;
        ChartFrame.Legend(
            svg,
            (DominantColour, string.Create(CultureInfo.InvariantCulture, $"lumbar-dominant {dominant} of {bends.Count}")),
            (HingeColour, string.Create(CultureInfo.InvariantCulture, $"hip hinge {bends.Count - dominant}; mean lumbar share {meanShare:0.00}")));
        var time = new TimeAxis(query.FromUtc, query.ToUtc, query.Zone, ChartFrame.Left, ChartFrame.PlotWidth);
        var values = new ValueAxis(0, 1, ChartFrame.Top, ChartFrame.PlotHeight);
        ChartFrame.ValueGrid(svg, values, v => v.ToString("0.0#", CultureInfo.InvariantCulture));
        ChartFrame.TimeGrid(svg, time);
        svg.Element("line", ("class", "threshold"), ("x1", ChartFrame.Left), ("x2", ChartFrame.Left + ChartFrame.PlotWidth),
            ("y1", values.Y(DominantShare)), ("y2", values.Y(DominantShare)), ("stroke", DominantColour), ("stroke-dasharray", "4 3"));
        if (bends.Count == 0)
        {
            ChartFrame.NoData(svg);
            return ChartFrame.Close(svg);
        }

        svg.Open("g", ("class", "bends"));
        foreach (var b in bends)
        {
            svg.Open("circle", ("class", b.LumbarDominant ? "bend lumbar-dominant" : "bend"), ("cx", time.X(b.TimeUtc)), ("cy", values.Y(Math.Clamp(b.LumbarShare, 0, 1))),
                ("r", 3.5), ("fill", b.LumbarDominant ? DominantColour : HingeColour), ("fill-opacity", 0.75),
                ("data-time", b.TimeUtc), ("data-share", b.LumbarShare), ("data-device", b.DeviceId));
            svg.TextElement("title", string.Create(
                CultureInfo.InvariantCulture,
                $"{time.Describe(b.TimeUtc, "ddd d MMM HH:mm")} {b.Device}: lumbar share {b.LumbarShare:0.00}, lumbar {b.PeakLumbarFlexion:0}°, pelvis {b.PeakPelvicRotation:0}°, {b.DurationSeconds:0.#} s"))
                .Close("circle");
        }

        svg.Close("g");
        return ChartFrame.Close(svg);
    }
}
