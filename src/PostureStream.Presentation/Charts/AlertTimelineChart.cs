using System.Globalization;
using PostureStream.Presentation.Styling;
using PostureStream.Storage.Trends;

namespace PostureStream.Presentation.Charts;

/// <summary>
/// Alerts on a timeline, one lane per kind: a filled dot when raised, a small dot per reminder, a
/// ring when cleared; the legend counts each kind's raised alerts and reminders.
/// </summary>
public static class AlertTimelineChart
{
    /// <summary>One lane per alert kind, in the kind's colour.</summary>
    private static readonly (string Kind, string Colour)[] Lanes = [.. Enum.GetValues<AlertKind>().Select(k => (VocabularyText.ToText(k), Palette.Of(k)))];

    public static string Render(IReadOnlyList<AlertRow> alerts, TrendQuery query)
    {
        int Count(string kind, string phase) => alerts.Count(a => Is(a.Kind, kind) && Is(a.Phase, phase));

        var svg = ChartFrame.Open(
            "alerts",
            "Alerts",
            ("alerts", alerts.Count),
            ("raised-flattening", Count("flattening", "raised")),
            ("raised-hyperextension", Count("hyperextension", "raised")),
            ("from", query.FromUtc),
            ("to", query.ToUtc),
            ("device", query.DeviceId ?? "all"));
        ChartFrame.Legend(svg, [.. Lanes.Select(l => (l.Colour, $"{l.Kind}: {Count(l.Kind, "raised")} raised, {Count(l.Kind, "reminder")} reminders"))]);
        var time = new TimeAxis(query.FromUtc, query.ToUtc, query.Zone, ChartFrame.Left, ChartFrame.PlotWidth);
        ChartFrame.TimeGrid(svg, time);
        if (alerts.Count == 0)
        {
            ChartFrame.NoData(svg);
            return ChartFrame.Close(svg);
        }

        foreach (var (lane, index) in Lanes.Select((l, i) => (l, i)))
        {
            var y = ChartFrame.Top + (ChartFrame.PlotHeight * (index + 0.5) / Lanes.Length);
            svg.Element("line", ("x1", ChartFrame.Left), ("x2", ChartFrame.Left + ChartFrame.PlotWidth), ("y1", y), ("y2", y), ("stroke", Palette.Grid), ("stroke-width", 14));
            svg.Open("g", ("class", "lane"), ("data-kind", lane.Kind));
            // Cleared rings first, so a raised dot close by stays visible on top.
            foreach (var a in alerts.Where(a => Is(a.Kind, lane.Kind)).OrderBy(a => Is(a.Phase, "raised") ? 2 : Is(a.Phase, "reminder") ? 1 : 0))
            {
                var raised = Is(a.Phase, "raised");
                var cleared = Is(a.Phase, "cleared");
                svg.Open("circle", ("class", "alert " + a.Phase.ToLowerInvariant()), ("cx", time.X(a.TimeUtc)), ("cy", y),
                    ("r", raised ? 5 : cleared ? 4 : 3), ("fill", cleared ? "white" : lane.Colour), ("stroke", lane.Colour), ("stroke-width", 1.5),
                    ("data-kind", lane.Kind), ("data-phase", a.Phase.ToLowerInvariant()), ("data-time", a.TimeUtc), ("data-device", a.DeviceId));
                svg.TextElement("title", string.Create(
                    CultureInfo.InvariantCulture,
                    $"{time.Describe(a.TimeUtc, "ddd d MMM HH:mm")} {a.Device}: {a.Kind} {a.Phase} after {a.DurationSeconds / 60:0.#} min, peak {a.PeakDeltaDegrees:+0.0;-0.0}° while {a.Activity}{(a.Buzzed ? ", buzzed" : string.Empty)}"))
                    .Close("circle");
            }

            svg.Close("g");
            svg.TextElement("text", lane.Kind, ("x", ChartFrame.Left), ("y", y - 11), ("fill", Palette.Muted));
        }

        return ChartFrame.Close(svg);
    }

    private static bool Is(string value, string expected) => string.Equals(value, expected, StringComparison.OrdinalIgnoreCase);
}
