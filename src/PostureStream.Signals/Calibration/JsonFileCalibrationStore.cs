using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PostureStream.Signals;

/// <summary>
/// One JSON file per device (<c>calibration-{device id as 16 hex digits}.json</c>) in a directory. A save
/// writes a temporary file, flushes it to disk and renames it over the old one, so a crash leaves either the
/// old record or the new one, never half of one. An unreadable file counts in <see cref="CorruptFiles"/> and reads as none.
/// Files carry <c>"version": 1</c> (<see cref="CalibrationFileVersion"/>); one without is version 1. A file of a newer
/// version is refused — <see cref="Load"/> and <see cref="Save"/> throw <see cref="CalibrationVersionException"/> — so
/// it is never taken for none and never overwritten.
/// </summary>
public sealed class JsonFileCalibrationStore : ICalibrationStore
{
    private int corruptFiles;

    public JsonFileCalibrationStore(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = directory;
    }

    public string Directory { get; }

    /// <summary>Files that existed but could not be read as a record.</summary>
    public int CorruptFiles => Volatile.Read(ref corruptFiles);

    public string PathFor(ulong deviceId) =>
        Path.Combine(Directory, "calibration-" + deviceId.ToString("x16", CultureInfo.InvariantCulture) + ".json");

    /// <summary>The device ids that have a file here (readable or not), in ascending order; none when the directory does not exist.</summary>
    public IReadOnlyList<ulong> SavedDeviceIds()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        var ids = new List<ulong>();
        foreach (string path in System.IO.Directory.EnumerateFiles(Directory, "calibration-*.json"))
        {
            string hex = Path.GetFileNameWithoutExtension(path)["calibration-".Length..];
            if (hex.Length == 16 && ulong.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong id))
            {
                ids.Add(id);
            }
        }

        ids.Sort();
        return ids;
    }

    /// <summary>Removes the file of <paramref name="deviceId"/>; false when there was none.</summary>
    public bool Delete(ulong deviceId)
    {
        string path = PathFor(deviceId);
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        return true;
    }

    public CalibrationRecord? Load(ulong deviceId)
    {
        string path = PathFor(deviceId);
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            string text = File.ReadAllText(path);
            CalibrationFileVersion.Require(path, CalibrationFileVersion.Read(text), CalibrationFileVersion.Neutrals);
            CalibrationRecord? record = JsonSerializer.Deserialize(text, CalibrationJsonContext.Default.CalibrationRecord);
            if (record is null || record.DeviceId != deviceId)
            {
                Interlocked.Increment(ref corruptFiles);
                return null;
            }

            return record;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException && e is not CalibrationVersionException)
        {
            Interlocked.Increment(ref corruptFiles);
            return null;
        }
    }

    public void Save(CalibrationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        System.IO.Directory.CreateDirectory(Directory);
        string path = PathFor(record.DeviceId);
        if (File.Exists(path))
        {
            CalibrationFileVersion.Require(path, CalibrationFileVersion.Read(File.ReadAllText(path)), CalibrationFileVersion.Neutrals);
        }

        string temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                // The version leads the record's own bytes, written by the generated serializer (a JsonNode
                // round trip would escape '+' in the time offsets and change the file's bytes).
                byte[] body = JsonSerializer.SerializeToUtf8Bytes(record, CalibrationJsonContext.Default.CalibrationRecord);
                stream.Write(body.AsSpan(0, 1));
                stream.Write(Encoding.UTF8.GetBytes(FormattableString.Invariant($"\n  \"version\": {CalibrationFileVersion.Neutrals},")));
                stream.Write(body.AsSpan(1));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
