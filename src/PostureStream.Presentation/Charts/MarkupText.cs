using System.Text;

namespace PostureStream.Presentation.Charts;

/// <summary>
/// Escapes text for HTML and SVG content and quoted attributes (the report and every chart). Only the five markup characters are
/// escaped; everything else stays readable UTF-8 (WebUtility.HtmlEncode would turn "°" into "&amp;#176;").
/// </summary>
internal static class MarkupText
{
    public static string Encode(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            } ?? c.ToString());
        }

        return escaped.ToString();
    }
}
