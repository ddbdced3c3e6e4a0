using System.Globalization;

namespace PostureStream.Vocabulary;

/// <summary>
/// Who a device is on every output (the <c>device</c> and <c>device_id</c> tags): the display name and the 64-bit id,
/// with its 16-hex-digit spelling made once so outputs never format it per point. Two identities with the same id and
/// name are equal: the session, the detector and the stores all speak of the same device.
/// </summary>
public sealed record DeviceIdentity
{
    public DeviceIdentity(ulong id, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Id = id;
        Name = name;
        IdHex = id.ToString("x16", CultureInfo.InvariantCulture);
    }

    public ulong Id { get; }

    /// <summary>The <c>device</c> tag: display name.</summary>
    public string Name { get; }

    /// <summary>The <c>device_id</c> tag: 16 lowercase hex digits.</summary>
    public string IdHex { get; }

    public override string ToString() => $"{Name} ({IdHex})";
}
