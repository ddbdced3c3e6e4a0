using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace PostureStream.Presentation.Tests.Reports;

/// <summary>Reads a report back: the data-* attributes of elements, and any external reference.</summary>
internal static partial class ReportHtml
{
    /// <summary>The data-* attributes (without the prefix) of every element whose tag matches, in document order.</summary>
    public static List<Dictionary<string, string>> DataRows(string html, string tag, string requiredAttribute)
    {
        var rows = new List<Dictionary<string, string>>();
        foreach (Match element in Regex.Matches(html, $"<{tag}\\b([^>]*)>"))
        {
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match a in DataAttribute().Matches(element.Groups[1].Value))
            {
                attributes[a.Groups[1].Value] = WebUtility.HtmlDecode(a.Groups[2].Value);
            }

            if (attributes.ContainsKey(requiredAttribute))
            {
                rows.Add(attributes);
            }
        }

        return rows;
    }

    public static double Number(Dictionary<string, string> row, string key) => double.Parse(row[key], CultureInfo.InvariantCulture);

    /// <summary>Every attribute, CSS url() or import that would make a browser fetch something.</summary>
    public static List<string> ExternalReferences(string html) =>
        [.. ExternalReference().Matches(html).Select(m => m.Value)];

    [GeneratedRegex("data-([a-z0-9-]+)=\"([^\"]*)\"")]
    private static partial Regex DataAttribute();

    [GeneratedRegex(@"(?:\b(?:src|href|srcset|action|poster|data|xlink:href)\s*=\s*[""']?\s*(?:[a-z][a-z0-9+.-]*:|//))|url\s*\(|@import|<script[^>]*\bsrc|<link\b|<iframe\b|<object\b|<embed\b|https?://", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
