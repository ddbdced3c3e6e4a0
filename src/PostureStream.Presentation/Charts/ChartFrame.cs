using PostureStream.Presentation.Styling;

namespace PostureStream.Presentation.Charts;

/// <summary>
/// The common frame of every chart: a fixed viewBox that scales to any width, the plot area, the
/// time axis at the bottom, a value axis at the left, and a legend line at the top.
/// </summary>
internal static class ChartFrame
{
    public const double Width = 720;
    public const double Height = 250;
    public const double Left = 46;
    public const double Right = 12;
    public const double Top = 26;
    public const double Bottom = 24;
    public const double PlotWidth = Width - Left - Right;
    public const double PlotHeight = Height - Top - Bottom;

    private const string AxisColour = Palette.Muted;
    private const string GridColour = Palette.Grid;

    /// <summary>Opens the root element; <paramref name="data"/> become its data-* attributes for scripts and tests.</summary>
    public static SvgWriter Open(string chart, string label, params (string Name, object? Value)[] data)
    {
        var svg = new SvgWriter();
        (string, object?)[] root =
        [
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("viewBox", $"0 0 {SvgWriter.Number(Width)} {SvgWriter.Number(Height)}"),
            ("class", "chart"),
            ("role", "img"),
            ("aria-label", label),
            ("font-family", "system-ui, sans-serif"),
            ("font-size", "11"),
            ("data-chart", chart),
            .. data.Select(d => ("data-" + d.Name, d.Value)),
        ];
        return svg.Open("svg", root).TextElement("title", label);
    }

    public static void TimeGrid(SvgWriter svg, TimeAxis axis)
    {
        svg.Open("g", ("class", "x-axis"), ("fill", AxisColour));
        foreach (var (utc, label) in axis.Ticks())
        {
            var x = axis.X(utc);
            svg.Element("line", ("x1", x), ("x2", x), ("y1", Top), ("y2", Top + PlotHeight), ("stroke", GridColour));
            svg.TextElement("text", label, ("x", x), ("y", Height - 8), ("text-anchor", "middle"));
        }

        svg.Close("g");
    }

    public static void ValueGrid(SvgWriter svg, ValueAxis axis, Func<double, string> label, bool emphasiseZero = false)
    {
        svg.Open("g", ("class", "y-axis"), ("fill", AxisColour));
        foreach (var value in axis.Ticks())
        {
            var y = axis.Y(value);
            var zero = emphasiseZero && value == 0;
            svg.Element("line", ("x1", Left), ("x2", Left + PlotWidth), ("y1", y), ("y2", y), ("stroke", zero ? AxisColour : GridColour));
            svg.TextElement("text", label(value), ("x", Left - 6), ("y", y + 4), ("text-anchor", "end"));
        }

        svg.Close("g");
    }

    /// <summary>Coloured swatches with text along the top edge.</summary>
    /// <remarks>Spaced for text a little larger than the chart's own, which phones use.</remarks>
    public static void Legend(SvgWriter svg, params (string Colour, string Text)[] items)
    {
        svg.Open("g", ("class", "legend"));
        var x = Left;
        foreach (var (colour, text) in items)
        {
            svg.Element("rect", ("x", x), ("y", 8), ("width", 10), ("height", 10), ("rx", 2), ("fill", colour));
            svg.TextElement("text", text, ("x", x + 14), ("y", 17), ("fill", Palette.Ink));
            x += 26 + (text.Length * 7.2);
        }

        svg.Close("g");
    }

    public static void NoData(SvgWriter svg) =>
        svg.TextElement(
            "text",
            "no data in this range",
            ("class", "no-data"),
            ("x", Left + (PlotWidth / 2)),
            ("y", Top + (PlotHeight / 2)),
            ("text-anchor", "middle"),
            ("fill", AxisColour),
            ("font-size", 14));

    public static string Close(SvgWriter svg) => svg.Close("svg").ToString();
}
