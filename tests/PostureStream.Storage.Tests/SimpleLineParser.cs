using PostureStream.Storage.Schema;

namespace PostureStream.Storage.Tests;

/// <summary>A minimal line-protocol reader for checking our own output (no escapes in values it reads).</summary>
internal static class SimpleLineParser
{
    public sealed record Line(string Measurement, SortedDictionary<string, string> Tags, Dictionary<string, string> Fields, long Time);

    public static Line Parse(string line)
    {
        var parts = SplitUnescaped(line, ' ');
        var head = SplitUnescaped(parts[0], ',');
        var tags = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in head.Skip(1))
        {
            var kv = SplitUnescaped(tag, '=');
            tags.Add(kv[0], kv[1]);
        }

        var fields = new Dictionary<string, string>();
        foreach (var field in SplitUnescaped(parts[1], ','))
        {
            var kv = SplitUnescaped(field, '=');
            fields.Add(kv[0], kv[1]);
        }

        return new Line(head[0], tags, fields, long.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
    }

    public static FieldType TypeOf(string raw) => raw switch
    {
        "true" or "false" => FieldType.Boolean,
        _ when raw.StartsWith('"') => FieldType.String,
        _ when raw.EndsWith('i') => FieldType.Integer,
        _ => FieldType.Float,
    };

    private static List<string> SplitUnescaped(string text, char separator)
    {
        var result = new List<string>();
        int start = 0;
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '"')
            {
                quoted = !quoted;
            }
            else if (text[i] == separator && !quoted)
            {
                result.Add(text[start..i]);
                start = i + 1;
            }
        }

        result.Add(text[start..]);
        return result;
    }
}
