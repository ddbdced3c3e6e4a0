using System.Globalization;
using System.Text;

namespace PostureStream.Storage.Reports;

/// <summary>
/// Draws the report's charts as inline SVG: stacked bars per category, and a line of daily values
/// with its least-squares trend line. Colours come from CSS classes in the report's stylesheet.
/// </summary>
internal static class SvgChart
{
    private const double Width = 760;
    private const double Height = 236;
    private const double Left = 52;
    private const double Right = 12;
    private const double Top = 24;
    private const double Bottom = 198;

    public static string StackedBars(IReadOnlyList<string> labels, IReadOnlyList<ChartSeries> series, string unit, string title)
    {
        double[] totals = [.. labels.Select((_, i) => series.Sum(s => s.Values[i] ?? 0))];
        var scale = AxisScale.Covering(0, Math.Max(totals.DefaultIfEmpty(0).Max(), 1e-9));
        var svg = Begin(title);
        Grid(svg, scale, unit);
        double band = (Width - Left - Right) / Math.Max(labels.Count, 1);
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

                double y1 = scale.ToPixel(running + value, Top, Bottom);
                double y0 = scale.ToPixel(running, Top, Bottom);
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"{s.CssClass}\" x=\"{F(x)}\" y=\"{F(y1)}\" width=\"{F(band * 0.6)}\" height=\"{F(y0 - y1)}\"><title>{Encode(labels[i])} {Encode(s.Name)}: {F(value)} {Encode(unit)}</title></rect>");
                running += value;
            }
        }

        CategoryLabels(svg, labels, band);
        return End(svg);
    }

    public static string LineWithTrend(IReadOnlyList<string> labels, IReadOnlyList<double?> values, LinearTrend? trend, string unit, string title)
    {
        var present = values.Where(v => v.HasValue).Select(v => v!.Value).ToList();
        if (trend is LinearTrend t)
        {
            present.Add(t.ValueAt(0));
            present.Add(t.ValueAt(labels.Count - 1));
        }

        var scale = present.Count == 0 ? AxisScale.Covering(0, 1) : AxisScale.Covering(present.Min(), present.Max());
        var svg = Begin(title);
        Grid(svg, scale, unit);
        double band = (Width - Left - Right) / Math.Max(labels.Count, 1);
        double XAt(double i) => Left + (i * band) + (band / 2);

        var path = new StringBuilder();
        for (int i = 0; i < values.Count; i++)
        {
            if (values[i] is not double v)
            {
                continue;
            }

            // A day without data breaks the line rather than bridging it.
            bool continues = i > 0 && values[i - 1].HasValue;
            path.Append(CultureInfo.InvariantCulture, $"{(continues ? "L" : "M")}{F(XAt(i))},{F(scale.ToPixel(v, Top, Bottom))} ");
        }

        if (path.Length > 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<path class=\"line\" d=\"{path.ToString().TrimEnd()}\"/>");
        }

        for (int i = 0; i < values.Count; i++)
        {
            if (values[i] is double v)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"dot\" cx=\"{F(XAt(i))}\" cy=\"{F(scale.ToPixel(v, Top, Bottom))}\" r=\"3.5\"><title>{Encode(labels[i])}: {F(v)} {Encode(unit)}</title></circle>");
            }
        }

        if (trend is LinearTrend line)
        {
            double last = labels.Count - 1;
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"trend\" x1=\"{F(XAt(0))}\" y1=\"{F(scale.ToPixel(line.ValueAt(0), Top, Bottom))}\" x2=\"{F(XAt(last))}\" y2=\"{F(scale.ToPixel(line.ValueAt(last), Top, Bottom))}\"/>");
        }

        CategoryLabels(svg, labels, band);
        return End(svg);
    }

    private static StringBuilder Begin(string title)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {F(Width)} {F(Height)}\" role=\"img\" aria-label=\"{Encode(title)}\">");
        return svg;
    }

    private static string End(StringBuilder svg) => svg.Append("</svg>").ToString();

    private static void Grid(StringBuilder svg, AxisScale scale, string unit)
    {
        foreach (double tick in scale.Ticks())
        {
            double y = scale.ToPixel(tick, Top, Bottom);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{F(Left)}\" y1=\"{F(y)}\" x2=\"{F(Width - Right)}\" y2=\"{F(y)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{F(Left - 6)}\" y=\"{F(y + 4)}\" text-anchor=\"end\">{F(tick)}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{F(Left - 6)}\" y=\"12\" text-anchor=\"end\">{Encode(unit)}</text>");
    }

    private static void CategoryLabels(StringBuilder svg, IReadOnlyList<string> labels, double band)
    {
        // Thin out labels so that at most ~14 are drawn.
        int every = Math.Max(1, (int)Math.Ceiling(labels.Count / 14.0));
        for (int i = 0; i < labels.Count; i += every)
        {
            // "Mon 9 Nov" is drawn on two lines so that two weeks of days fit side by side.
            string x = F(Left + (i * band) + (band / 2));
            int space = labels[i].IndexOf(' ', StringComparison.Ordinal);
            string line1 = space < 0 ? labels[i] : labels[i][..space];
            string line2 = space < 0 ? string.Empty : labels[i][(space + 1)..];
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{x}\" y=\"{F(Bottom + 15)}\" text-anchor=\"middle\">{Encode(line1)}<tspan x=\"{x}\" dy=\"13\">{Encode(line2)}</tspan></text>");
        }
    }

    private static string F(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Encode(string text) => HtmlText.Encode(text);
}
