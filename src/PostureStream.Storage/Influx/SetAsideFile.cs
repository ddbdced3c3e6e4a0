using System.Globalization;
using System.Text;

namespace PostureStream.Storage.Influx;

/// <summary>
/// A bounded line-protocol file for batches the writer sets aside (the dead-letter file for
/// rejected batches, the quarantine file for poison batches): a <c>#</c> comment with the time and
/// the reason, then the lines, fsynced. InfluxDB ignores comment lines, so the file can be fixed up
/// and posted again as it is. Nothing is ever rotated away: when an entry would take the file over
/// <see cref="MaxBytes"/>, <see cref="TryAppend"/> refuses it and the caller keeps the batch.
/// </summary>
internal sealed class SetAsideFile(string path, long maxBytes)
{
    public string Path { get; } = path;

    public long MaxBytes { get; } = maxBytes;

    /// <summary>Bytes in the file now (0 when it does not exist: the user may have moved it away).</summary>
    public long Length
    {
        get
        {
            var info = new FileInfo(Path);
            return info.Exists ? info.Length : 0;
        }
    }

    /// <summary>Appends one entry and fsyncs it; false (nothing written) when it would not fit.</summary>
    public bool TryAppend(DateTimeOffset time, string reason, ReadOnlySpan<byte> lines)
    {
        string oneLineReason = reason.ReplaceLineEndings(" ").Trim();
        byte[] comment = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"# {time.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ} {oneLineReason}\n"));
        bool newline = lines.Length > 0 && lines[^1] != (byte)'\n';
        if (Length + comment.Length + lines.Length + (newline ? 1 : 0) > MaxBytes)
        {
            return false;
        }

        Files.PrivatePaths.CreateFolder(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        using var file = new FileStream(Path, Files.PrivatePaths.Options(FileMode.Append, FileAccess.Write, FileShare.Read));
        file.Write(comment);
        file.Write(lines);
        if (newline)
        {
            file.WriteByte((byte)'\n');
        }

        file.Flush(flushToDisk: true);
        return true;
    }
}
