using System.Text.Json;

namespace PostureStream.Signals;

/// <summary>
/// Calibration files say which format they are in (<c>"version"</c>, a whole number). A file without one is
/// version 1 — every file written before the field existed — and loads unchanged. A file of a version this build
/// does not know was written by a newer PostureStream: it is refused with a <see cref="CalibrationVersionException"/>,
/// never read as nothing and never overwritten.
/// </summary>
public static class CalibrationFileVersion
{
    /// <summary>The version of a neutrals file (<see cref="JsonFileCalibrationStore"/>) this build reads and writes.</summary>
    public const int Neutrals = 1;

    /// <summary>The version of a sensor alignment file (<c>Wearers.SensorAlignmentStore</c>) this build reads and writes.</summary>
    public const int Alignment = 1;

    /// <summary>The file's version: 1 when it has none; null when it is not a JSON object (a corrupt file).</summary>
    public static int? Read(string json)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                if (string.Equals(property.Name, "version", StringComparison.OrdinalIgnoreCase))
                {
                    return property.Value.TryGetInt32(out int version) ? version : int.MaxValue;
                }
            }

            return 1;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Throws <see cref="CalibrationVersionException"/> when <paramref name="version"/> is above <paramref name="supported"/>.</summary>
    public static void Require(string path, int? version, int supported)
    {
        if (version is { } v && v > supported)
        {
            throw new CalibrationVersionException(path, v, supported);
        }
    }
}

/// <summary>
/// A calibration file of a format this build does not know (written by a newer PostureStream). It is an
/// <see cref="IOException"/>: a save that meets one is refused like a save to a read-only file.
/// </summary>
public sealed class CalibrationVersionException(string path, int version, int supported)
    : IOException(version == int.MaxValue
        ? $"{path} has a version that is not a whole number; this PostureStream reads calibration files up to version {supported}. Move the file away to calibrate afresh."
        : $"{path} is a version {version} calibration file, written by a newer PostureStream; this one reads up to version {supported}. Update PostureStream, or move the file away to calibrate afresh.")
{
    public string Path { get; } = path;

    public int Version { get; } = version;
}
