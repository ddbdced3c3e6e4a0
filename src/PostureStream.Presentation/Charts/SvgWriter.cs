using System.Globalization;
using System.Text;

namespace PostureStream.Presentation.Charts;

/// <summary>Writes SVG markup with every attribute and text escaped and numbers in invariant culture.</summary>
internal sealed class SvgWriter
{
    private readonly StringBuilder text = new();

    public SvgWriter Open(string tag, params (string Name, object? Value)[] attributes)
    {
        Start(tag, attributes);
        text.Append('>');
        return this;
    }

    public SvgWriter Element(string tag, params (string Name, object? Value)[] attributes)
    {
        Start(tag, attributes);
        text.Append("/>");
        return this;
    }

    /// <summary>An element with text content, e.g. a label or a tooltip title.</summary>
    public SvgWriter TextElement(string tag, string content, params (string Name, object? Value)[] attributes)
    {
        Open(tag, attributes);
        Escape(content);
        return Close(tag);
    }

    /// <summary>Escaped text inside the element opened last (for mixed content such as a label with a tspan).</summary>
    public SvgWriter Text(string content)
    {
        Escape(content);
        return this;
    }

    public SvgWriter Close(string tag)
    {
        text.Append("</").Append(tag).Append('>');
        return this;
    }

    public override string ToString() => text.ToString();

    public static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Points for polyline/polygon: "x,y x,y ...".</summary>
    public static string Points(IEnumerable<(double X, double Y)> points) =>
        string.Join(' ', points.Select(p => Number(p.X) + "," + Number(p.Y)));

    private void Start(string tag, (string Name, object? Value)[] attributes)
    {
        text.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is null)
            {
                continue;
            }

            text.Append(' ').Append(name).Append("=\"");
            Escape(Format(value));
            text.Append('"');
        }
    }

    private static string Format(object value) => value switch
    {
        double d => Number(d),
        float f => Number(f),
        DateTime t => Time(t),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private void Escape(string value) => text.Append(MarkupText.Encode(value));
}
