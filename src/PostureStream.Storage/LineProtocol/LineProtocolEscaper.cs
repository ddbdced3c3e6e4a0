using System.Text;

namespace PostureStream.Storage.LineProtocol;

/// <summary>
/// The escaping rules of line protocol, written straight into UTF-8 without allocating.
/// Names (measurement, tag keys, field keys) and tag values lose CR and LF, and any run of
/// backslashes at the end or right before a character that must be escaped: InfluxDB cannot
/// read such a backslash back unambiguously.
/// </summary>
public static class LineProtocolEscaper
{
    /// <summary>Enough output bytes for any escaping of <paramref name="chars"/> UTF-16 chars.</summary>
    public static int MaxBytes(int chars) => (chars * 3) + 2;

    /// <summary>A measurement name: comma and space are escaped.</summary>
    public static int WriteMeasurement(ReadOnlySpan<char> value, Span<byte> destination) =>
        WriteName(value, destination, escapeEquals: false);

    /// <summary>A tag key, tag value or field key: comma, equals sign and space are escaped.</summary>
    public static int WriteKeyOrTagValue(ReadOnlySpan<char> value, Span<byte> destination) =>
        WriteName(value, destination, escapeEquals: true);

    /// <summary>
    /// The inside of a string field value: double quote and backslash are escaped; CR and LF are
    /// removed (our string fields are single words; a line break would end the line).
    /// </summary>
    public static int WriteStringFieldContent(ReadOnlySpan<char> value, Span<byte> destination)
    {
        int written = 0;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            switch (c)
            {
                case '\r' or '\n':
                    continue;
                case '"' or '\\':
                    destination[written++] = (byte)'\\';
                    destination[written++] = (byte)c;
                    break;
                default:
                    written += WriteChar(value, ref i, destination[written..]);
                    break;
            }
        }

        return written;
    }

    /// <summary>The text a name or tag value is stored as after sanitising (what a query returns).</summary>
    public static string Sanitize(string value)
    {
        var bytes = new byte[MaxBytes(value.Length)];
        int length = WriteKeyOrTagValue(value, bytes);
        return Encoding.UTF8.GetString(bytes, 0, length)
            .Replace("\\,", ",", StringComparison.Ordinal)
            .Replace("\\=", "=", StringComparison.Ordinal)
            .Replace("\\ ", " ", StringComparison.Ordinal);
    }

    private static int WriteName(ReadOnlySpan<char> value, Span<byte> destination, bool escapeEquals)
    {
        int written = 0;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            switch (c)
            {
                case '\r' or '\n':
                    continue;
                case '\\':
                    written += WriteBackslashRun(value, ref i, destination[written..], escapeEquals);
                    break;
                case ',' or ' ':
                    destination[written++] = (byte)'\\';
                    destination[written++] = (byte)c;
                    break;
                case '=' when escapeEquals:
                    destination[written++] = (byte)'\\';
                    destination[written++] = (byte)c;
                    break;
                default:
                    written += WriteChar(value, ref i, destination[written..]);
                    break;
            }
        }

        return written;
    }

    /// <summary>Keeps a run of backslashes unless it ends the text or precedes an escaped character.</summary>
    private static int WriteBackslashRun(ReadOnlySpan<char> value, ref int i, Span<byte> destination, bool escapeEquals)
    {
        int count = 0;
        int k = i;
        while (k < value.Length && value[k] is '\\' or '\r' or '\n')
        {
            if (value[k] == '\\')
            {
                count++;
            }

            k++;
        }

        i = k - 1;
        if (k == value.Length || value[k] is ',' or ' ' || (escapeEquals && value[k] == '='))
        {
            return 0;
        }

        destination[..count].Fill((byte)'\\');
        return count;
    }

    private static int WriteChar(ReadOnlySpan<char> value, ref int i, Span<byte> destination)
    {
        char c = value[i];
        if (c < 0x80)
        {
            destination[0] = (byte)c;
            return 1;
        }

        if (Rune.DecodeFromUtf16(value[i..], out var rune, out int consumed) != System.Buffers.OperationStatus.Done)
        {
            rune = Rune.ReplacementChar;
            consumed = 1;
        }

        i += consumed - 1;
        return rune.EncodeToUtf8(destination);
    }
}
