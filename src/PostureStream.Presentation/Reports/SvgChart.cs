using System.Globalization;
using System.Text;
using PostureStream.Presentation.Charts;
using PostureStream.Presentation.Styling;

namespace PostureStream.Presentation.Reports;

/// <summary>
/// Draws the report's charts as inline SVG with the dashboard's writer, value axis and palette:
/// stacked bars per day, and a line of daily values with its least-squares trend line. The days are
/// categories (one band each), since a printed report reads day by day.
/// </summary>
internal static class SvgChart
{
    private const double Width = 760;
    private const double Height = 236;
    private const double Left = 52;
    private const double Right = 12;
    private const double Top = 24;
    private const double Bottom = 198;

    public static string StackedBars(IReadOnlyList<string> labels, IReadOnlyList<ChartSeries> series, string unit, string title, IReadOnlyList<DayMark>? marks = null)
    {
        double[] totals = [.. labels.Select((_, i) => series.Sum(s => s.Values[i] ?? 0))];
        var values = new ValueAxis(0, Math.Max(totals.DefaultIfEmpty(0).Max(), 1e-9), Top, Bottom - Top);
        var svg = Begin(title);
        Grid(svg, values, unit);
        double band = (Width - Left - Right) / Math.Max(labels.Count, 1);
        Marks(svg, marks, band);
        for (int i = 0; i < labels.Count; i++)
        {
            double x = Left + (i * band) + (band * 0.2);
            double running = 0;
            foreach (var s in series)
            {
                double value = s.Values[i] ?? 0;
                if (value <= 0)
                {
                    continue;
                }

                double y1 = values.Y(running + value);
                double y0 = values.Y(running);
                svg.Open("rect", ("class", s.CssClass), ("x", x), ("y", y1), ("width", band * 0.6), ("height", y0 - y1), ("fill", s.Colour))
                    .TextElement("title", $"{labels[i]} {s.Name}: {SvgWriter.Number(value)} {unit}")
                    .Close("rect");
                running += value;
            }
        }

        CategoryLabels(svg, labels, band);
        return End(svg);
    }

    public static string LineWithTrend(IReadOnlyList<string> labels, IReadOnlyList<double?> daily, LinearTrend? trend, string colour, string unit, string title, IReadOnlyList<DayMark>? marks = null)
    {
        var present = daily.Where(v => v.HasValue).Select(v => v!.Value).ToList();
        if (trend is LinearTrend t)
        {
            present.Add(t.ValueAt(0));
            present.Add(t.ValueAt(labels.Count - 1));
        }

        var values = present.Count == 0 ? new ValueAxis(0, 1, Top, Bottom - Top) : new ValueAxis(present.Min(), present.Max(), Top, Bottom - Top);
        var svg = Begin(title);
        Grid(svg, values, unit);
        double band = (Width - Left - Right) / Math.Max(labels.Count, 1);
        double XAt(double i) => Left + (i * band) + (band / 2);
        Marks(svg, marks, band);

        var path = new StringBuilder();
        for (int i = 0; i < daily.Count; i++)
        {
            if (daily[i] is not double v)
            {
                continue;
            }

            // A day without data breaks the line rather than bridging it.
            bool continues = i > 0 && daily[i - 1].HasValue;
            path.Append(CultureInfo.InvariantCulture, $"{(continues ? "L" : "M")}{SvgWriter.Number(XAt(i))},{SvgWriter.Number(values.Y(v))} ");
        }

        if (path.Length > 0)
        {
            svg.Element("path", ("class", "line"), ("d", path.ToString().TrimEnd()), ("fill", "none"), ("stroke", colour), ("stroke-width", 2));
        }

        for (int i = 0; i < daily.Count; i++)
        {
            if (daily[i] is double v)
            {
                svg.Open("circle", ("class", "dot"), ("cx", XAt(i)), ("cy", values.Y(v)), ("r", 3.5), ("fill", colour))
                    .TextElement("title", $"{labels[i]}: {SvgWriter.Number(v)} {unit}")
                    .Close("circle");
            }
        }

        if (trend is LinearTrend line)
        {
            double last = labels.Count - 1;
            svg.Element("line", ("class", "trend"), ("x1", XAt(0)), ("y1", values.Y(line.ValueAt(0))), ("x2", XAt(last)), ("y2", values.Y(line.ValueAt(last))),
                ("stroke", Palette.Trend), ("stroke-width", 2), ("stroke-dasharray", "6 4"));
        }

        CategoryLabels(svg, labels, band);
        return End(svg);
    }

    private static SvgWriter Begin(string title) =>
        new SvgWriter().Open("svg", ("class", "chart"), ("viewBox", $"0 0 {SvgWriter.Number(Width)} {SvgWriter.Number(Height)}"), ("role", "img"), ("aria-label", title));

    private static string End(SvgWriter svg) => svg.Close("svg").ToString();

    private static void Grid(SvgWriter svg, ValueAxis values, string unit)
    {
        foreach (double tick in values.Ticks())
        {
            double y = values.Y(tick);
            svg.Element("line", ("class", "grid"), ("x1", Left), ("y1", y), ("x2", Width - Right), ("y2", y), ("stroke", Palette.Grid));
            svg.TextElement("text", SvgWriter.Number(tick), ("class", "axis"), ("x", Left - 6), ("y", y + 4), ("text-anchor", "end"), ("fill", Palette.Muted));
        }

        svg.TextElement("text", unit, ("class", "axis"), ("x", Left - 6), ("y", 12), ("text-anchor", "end"), ("fill", Palette.Muted));
    }

    // Programme days as a translucent band with a dashed line where a programme starts, sessions as ticks at the foot.
    private static void Marks(SvgWriter svg, IReadOnlyList<DayMark>? marks, double band)
    {
        if (marks is null || marks.All(m => !m.InProgramme && m.Sessions == 0))
        {
            return;
        }

        svg.Open("g", ("class", "annotations"));
        for (int i = 0; i < marks.Count; i++)
        {
            double x = Left + (i * band);
            if (marks[i].InProgramme)
            {
                svg.Element("rect", ("class", "programme"), ("x", x), ("y", Top), ("width", band), ("height", Bottom - Top), ("fill", Palette.Programme), ("fill-opacity", 0.12));
            }

            if (marks[i].StartsProgramme is string name)
            {
                svg.Element("line", ("class", "programme-start"), ("x1", x), ("x2", x), ("y1", Top), ("y2", Bottom), ("stroke", Palette.Programme), ("stroke-width", 2), ("stroke-dasharray", "4 3"));
                svg.TextElement("text", name, ("class", "programme-label"), ("x", x + 4), ("y", Top + 12), ("fill", Palette.Session), ("font-size", 10));
            }

            for (int k = 0; k < marks[i].Sessions; k++)
            {
                double tick = x + (band * (k + 1) / (marks[i].Sessions + 1));
                svg.Open("line", ("class", "session"), ("x1", tick), ("x2", tick), ("y1", Bottom - 8), ("y2", Bottom), ("stroke", Palette.Session), ("stroke-width", 2))
                    .TextElement("title", "session").Close("line");
            }
        }

        svg.Close("g");
    }

    private static void CategoryLabels(SvgWriter svg, IReadOnlyList<string> labels, double band)
    {
        // Thin out labels so that at most ~14 are drawn.
        int every = Math.Max(1, (int)Math.Ceiling(labels.Count / 14.0));
        for (int i = 0; i < labels.Count; i += every)
        {
            // "Mon 9 Nov" is drawn on two lines so that two weeks of days fit side by side.
            double x = Left + (i * band) + (band / 2);
            int space = labels[i].IndexOf(' ', StringComparison.Ordinal);
            string line1 = space < 0 ? labels[i] : labels[i][..space];
            string line2 = space < 0 ? string.Empty : labels[i][(space + 1)..];
            svg.Open("text", ("class", "axis"), ("x", x), ("y", Bottom + 15), ("text-anchor", "middle"), ("fill", Palette.Muted))
                .Text(line1)
                .TextElement("tspan", line2, ("x", x), ("dy", 13))
                .Close("text");
        }
    }
}
