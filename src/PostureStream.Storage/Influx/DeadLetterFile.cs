using System.Globalization;
using System.Text;

namespace PostureStream.Storage.Influx;

/// <summary>
/// Appends rejected batches to a line-protocol file: a <c>#</c> comment with the time, status and
/// the server's message, then the lines. Comment lines are ignored by InfluxDB, so the file can be
/// fixed up and written again as it is.
/// </summary>
internal sealed class DeadLetterFile(string path)
{
    public string Path { get; } = path;

    public void Append(DateTimeOffset time, int statusCode, string message, ReadOnlySpan<byte> lines)
    {
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        string oneLineMessage = message.ReplaceLineEndings(" ").Trim();
        string comment = string.Create(CultureInfo.InvariantCulture, $"# {time.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ} HTTP {statusCode}: {oneLineMessage}\n");
        using var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
        file.Write(Encoding.UTF8.GetBytes(comment));
        file.Write(lines);
        if (lines.Length > 0 && lines[^1] != (byte)'\n')
        {
            file.WriteByte((byte)'\n');
        }

        file.Flush(flushToDisk: true);
    }
}
