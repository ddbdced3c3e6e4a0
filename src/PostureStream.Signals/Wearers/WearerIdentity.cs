using System.Globalization;
using System.Text;

namespace PostureStream.Signals.Wearers;

/// <summary>
/// The stable identity of a wearer made of two sensors. Its <c>device_id</c> is the 64-bit FNV-1a hash of the UTF-8
/// text <c>wearer\n{lumbar sensor key}\n{pelvis sensor key}</c>, so the same two sensors in the same places are
/// the same device across restarts (their neutrals and stored series follow them), and swapping the two sensors or
/// replacing one gives a new device — which needs a new calibration anyway. A sensor key is what identifies the
/// sensor itself: a BLE sensor's MAC address (upper case), a serial sensor's port path as given (prefer the stable
/// <c>/dev/serial/by-id/…</c> name, which follows the adapter's serial number).
/// </summary>
public static class WearerIdentity
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    public static ulong DeviceId(string lumbarSensorKey, string pelvisSensorKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(lumbarSensorKey);
        ArgumentException.ThrowIfNullOrEmpty(pelvisSensorKey);
        return Fnv1a("wearer\n" + lumbarSensorKey + "\n" + pelvisSensorKey);
    }

    /// <summary>The 64-bit id of one sensor (its key hashed alone): the name of its alignment file.</summary>
    public static ulong SensorId(string sensorKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(sensorKey);
        return Fnv1a("sensor\n" + sensorKey);
    }

    /// <summary>The identity for the outputs: the given name, else <c>wearer-</c> and the last 4 hex digits of the id.</summary>
    public static DeviceIdentity For(string? name, string lumbarSensorKey, string pelvisSensorKey)
    {
        ulong id = DeviceId(lumbarSensorKey, pelvisSensorKey);
        string hex = id.ToString("x16", CultureInfo.InvariantCulture);
        return new DeviceIdentity(id, string.IsNullOrWhiteSpace(name) ? "wearer-" + hex[^4..] : name);
    }

    private static ulong Fnv1a(string text)
    {
        ulong hash = FnvOffset;
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * FnvPrime);
        }

        return hash;
    }
}
