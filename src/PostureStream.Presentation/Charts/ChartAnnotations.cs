using PostureStream.Presentation.Styling;

namespace PostureStream.Presentation.Charts;

/// <summary>A programme on a time axis: its name, its first day's start and, when it has ended, its last day's end (UTC).</summary>
public sealed record ProgrammeSpan(long ProgrammeId, string Name, DateTime StartUtc, DateTime? EndUtc);

/// <summary>
/// What the trend charts mark besides their data: programmes as translucent bands with a line at the start, and
/// sessions as ticks at the foot of the plot, each with a tooltip. Drawn behind the data, clipped to the range.
/// </summary>
public sealed record ChartAnnotations(IReadOnlyList<ProgrammeSpan> Programmes, IReadOnlyList<DateTime> SessionsUtc)
{
    public static ChartAnnotations None { get; } = new([], []);

    internal void Draw(SvgWriter svg, TimeAxis axis)
    {
        if (Programmes.Count == 0 && SessionsUtc.Count == 0)
        {
            return;
        }

        svg.Open("g", ("class", "annotations"));
        foreach (var p in Programmes.Where(p => p.StartUtc < axis.ToUtc && (p.EndUtc ?? DateTime.MaxValue) > axis.FromUtc))
        {
            double x0 = axis.X(p.StartUtc < axis.FromUtc ? axis.FromUtc : p.StartUtc);
            double x1 = axis.X(p.EndUtc is DateTime end && end < axis.ToUtc ? end : axis.ToUtc);
            string tip = $"programme {p.Name}: from {axis.Describe(p.StartUtc, "d MMM yyyy")}" + (p.EndUtc is DateTime e ? $" to {axis.Describe(e.AddTicks(-1), "d MMM yyyy")}" : ", ongoing");
            svg.Open("rect", ("class", "programme"), ("data-programme-id", p.ProgrammeId), ("data-start", p.StartUtc), ("data-end", p.EndUtc),
                    ("x", x0), ("y", ChartFrame.Top), ("width", Math.Max(1, x1 - x0)), ("height", ChartFrame.PlotHeight),
                    ("fill", Palette.Programme), ("fill-opacity", 0.12))
                .TextElement("title", tip).Close("rect");
            if (p.StartUtc >= axis.FromUtc)
            {
                svg.Element("line", ("class", "programme-start"), ("x1", x0), ("x2", x0), ("y1", ChartFrame.Top), ("y2", ChartFrame.Top + ChartFrame.PlotHeight),
                    ("stroke", Palette.Programme), ("stroke-width", 2), ("stroke-dasharray", "4 3"));
                svg.TextElement("text", p.Name, ("class", "programme-label"), ("x", x0 + 4), ("y", ChartFrame.Top + 12), ("fill", Palette.Session), ("font-size", 10));
            }
        }

        foreach (var t in SessionsUtc.Where(t => t >= axis.FromUtc && t < axis.ToUtc))
        {
            double x = axis.X(t);
            svg.Open("line", ("class", "session"), ("data-time", t), ("x1", x), ("x2", x),
                    ("y1", ChartFrame.Top + ChartFrame.PlotHeight - 8), ("y2", ChartFrame.Top + ChartFrame.PlotHeight),
                    ("stroke", Palette.Session), ("stroke-width", 2))
                .TextElement("title", $"session {axis.Describe(t, "ddd d MMM HH:mm")}").Close("line");
        }

        svg.Close("g");
    }
}
