namespace PostureStream.Protocol.WitMotion;

/// <summary>
/// What a <see cref="WitMotionBleDecoder"/> has seen. BLE packets carry no checksum or counter, so a packet is
/// rejected only by its shape and its values; every reject is counted by reason.
/// </summary>
public record struct WitMotionBleStats
{
    /// <summary>Notifications fed.</summary>
    public long Notifications;

    /// <summary>0x55 0x61 packets accepted.</summary>
    public long Packets;

    /// <summary>Notifications whose length is no whole number of 20-byte packets (all of it rejected).</summary>
    public long BadLengths;

    /// <summary>Packets that do not start with 0x55.</summary>
    public long BadHeaders;

    /// <summary>Packets with a flag other than 0x61 or 0x71.</summary>
    public long UnknownFlags;

    /// <summary>Register replies (0x55 0x71), which answer read commands: not samples, skipped.</summary>
    public long RegisterReplies;

    /// <summary>Packets whose values no worn sensor can give (pitch beyond ±90°, no gravity at all).</summary>
    public long Implausible;

    /// <summary>Everything refused: bad lengths, bad headers, unknown flags and implausible packets.</summary>
    public readonly long Rejects => BadLengths + BadHeaders + UnknownFlags + Implausible;

    public static WitMotionBleStats operator -(WitMotionBleStats a, WitMotionBleStats b) => new()
    {
        Notifications = a.Notifications - b.Notifications,
        Packets = a.Packets - b.Packets,
        BadLengths = a.BadLengths - b.BadLengths,
        BadHeaders = a.BadHeaders - b.BadHeaders,
        UnknownFlags = a.UnknownFlags - b.UnknownFlags,
        RegisterReplies = a.RegisterReplies - b.RegisterReplies,
        Implausible = a.Implausible - b.Implausible,
    };
}
