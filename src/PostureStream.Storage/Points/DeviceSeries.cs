using System.Globalization;
using PostureStream.Storage.LineProtocol;
using PostureStream.Storage.Schema;

namespace PostureStream.Storage.Points;

/// <summary>
/// One device's identity tags (Storage README, schema): <c>device</c> (display name) and <c>device_id</c>
/// (16 lowercase hex digits). Create one per device and reuse it for every point: its escaped
/// line-protocol tags are computed once here, which keeps the hot path allocation-free.
/// </summary>
public sealed class DeviceSeries
{
    private readonly byte[] _encodedTags;

    /// <summary>The series of a device identity (the shared one the detector and the session use).</summary>
    public DeviceSeries(DeviceIdentity device)
        : this((device ?? throw new ArgumentNullException(nameof(device))).Name, device.Id)
    {
        Device = device;
    }

    /// <summary>A series by name and id; an empty name leaves the <c>device</c> tag out (imports and tests).</summary>
    public DeviceSeries(string name, ulong deviceId)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        DeviceId = deviceId;
        DeviceIdHex = deviceId.ToString("x16", CultureInfo.InvariantCulture);

        var buffer = new byte[LineProtocolEscaper.MaxBytes(name.Length) + 64];
        int length = 0;
        var nameSpan = buffer.AsSpan();
        int start = length;
        length += Append(nameSpan[length..], "," + StorageSchema.DeviceTag + "=");
        int nameLength = LineProtocolEscaper.WriteKeyOrTagValue(name, nameSpan[length..]);
        length = nameLength == 0 ? start : length + nameLength;
        length += Append(nameSpan[length..], "," + StorageSchema.DeviceIdTag + "=" + DeviceIdHex);
        _encodedTags = buffer[..length];
    }

    /// <summary>The identity this series was made from; null for a series made by name and id.</summary>
    public DeviceIdentity? Device { get; }

    /// <summary>The display name as given (InfluxDB stores it sanitised, see <see cref="LineProtocolEscaper.Sanitize"/>).</summary>
    public string Name { get; }

    public ulong DeviceId { get; }

    /// <summary>The id as 16 lowercase hex digits, the <c>device_id</c> tag.</summary>
    public string DeviceIdHex { get; }

    /// <summary><c>,device=NAME,device_id=HEX</c>, escaped (the device tag is left out when the name is empty).</summary>
    internal ReadOnlySpan<byte> EncodedTags => _encodedTags;

    public override string ToString() => $"{Name} ({DeviceIdHex})";

    private static int Append(Span<byte> destination, string ascii)
    {
        for (int i = 0; i < ascii.Length; i++)
        {
            destination[i] = (byte)ascii[i];
        }

        return ascii.Length;
    }
}
