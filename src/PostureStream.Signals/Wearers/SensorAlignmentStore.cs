using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PostureStream.Signals.Wearers;

/// <summary>
/// Sensor alignments kept per sensor, one JSON file each (<c>alignment-{sensor id, 16 hex}.json</c>, next to the
/// neutrals), written to a temporary file, flushed and renamed over the old one:
/// <code>{ "version": 1, "sensor": "AA:BB:CC:DD:EE:FF", "neutralUp": [x, y, z], "mediolateral": [x, y, z],
///   "takenAt": "2026-12-03T14:00:00+00:00", "stale": false }</code>
/// A file of a newer version is refused (<see cref="CalibrationVersionException"/>) on load and on save; an unreadable
/// one reads as none and counts in <see cref="CorruptFiles"/>.
/// </summary>
public sealed class SensorAlignmentStore(string directory)
{
    private int _corrupt;

    public string Directory { get; } = directory;

    public int CorruptFiles => Volatile.Read(ref _corrupt);

    public string PathFor(string sensorKey) => Path.Combine(
        Directory, "alignment-" + WearerIdentity.SensorId(sensorKey).ToString("x16", CultureInfo.InvariantCulture) + ".json");

    public SensorAlignmentRecord? Load(string sensorKey)
    {
        string path = PathFor(sensorKey);
        if (!File.Exists(path))
        {
            return null;
        }

        string text = File.ReadAllText(path);
        CalibrationFileVersion.Require(path, CalibrationFileVersion.Read(text), CalibrationFileVersion.Alignment);
        try
        {
            JsonObject o = JsonNode.Parse(text)!.AsObject();
            if ((string?)o["sensor"] != sensorKey)
            {
                throw new FormatException("the file is another sensor's");
            }

            return new SensorAlignmentRecord(
                sensorKey,
                new SensorAlignment(Vector(o["neutralUp"]), Vector(o["mediolateral"])),
                DateTimeOffset.Parse((string)o["takenAt"]!, CultureInfo.InvariantCulture),
                (bool?)o["stale"] ?? false);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException or NullReferenceException)
        {
            Interlocked.Increment(ref _corrupt);
            return null;
        }
    }

    public void Save(SensorAlignmentRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        string path = PathFor(record.SensorKey);
        if (File.Exists(path))
        {
            CalibrationFileVersion.Require(path, CalibrationFileVersion.Read(File.ReadAllText(path)), CalibrationFileVersion.Alignment);
        }

        System.IO.Directory.CreateDirectory(Directory);
        var o = new JsonObject
        {
            ["version"] = CalibrationFileVersion.Alignment,
            ["sensor"] = record.SensorKey,
            ["neutralUp"] = Array(record.Alignment.NeutralUp),
            ["mediolateral"] = Array(record.Alignment.Mediolateral),
            ["takenAt"] = record.TakenAt.ToString("O", CultureInfo.InvariantCulture),
            ["stale"] = record.Stale,
        };
        string temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
                {
                    o.WriteTo(writer);
                }

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

    private static JsonArray Array(Vector3D v) => [v.X, v.Y, v.Z];

    private static Vector3D Vector(JsonNode? node)
    {
        JsonArray a = node!.AsArray();
        return a.Count == 3 ? new Vector3D((double)a[0]!, (double)a[1]!, (double)a[2]!) : throw new FormatException("a direction has three numbers");
    }
}
