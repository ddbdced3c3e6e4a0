namespace PostureStream.Protocol;

/// <summary>PSP v1 message types. Values below 0x80 travel device → host, the rest host → device.</summary>
public enum PspMessageType : byte
{
    Hello = 0x01,
    Samples = 0x02,
    Status = 0x03,
    Event = 0x04,
    Ack = 0x05,
    Raw = 0x06,
    Start = 0x81,
    Stop = 0x82,
    Buzz = 0x83,
    Identify = 0x84,
}

/// <summary>Which way a frame travels; each direction has its own seq counter.</summary>
public enum PspDirection
{
    DeviceToHost = 0,
    HostToDevice = 1,
}

public static class PspMessageTypes
{
    public static PspDirection DirectionOf(byte type) => type < 0x80 ? PspDirection.DeviceToHost : PspDirection.HostToDevice;

    public static bool IsKnown(byte type) => type is >= 0x01 and <= 0x06 or >= 0x81 and <= 0x84;

    /// <summary>The fewest payload bytes a type needs (variable parts are checked when reading).</summary>
    public static int MinimumPayloadLength(PspMessageType type) => type switch
    {
        PspMessageType.Hello => PspLayout.HelloFixedLength,
        PspMessageType.Samples => 1 + PspLayout.SampleLength,
        PspMessageType.Status => 6,
        PspMessageType.Event => 6,
        PspMessageType.Ack => 4,
        PspMessageType.Start => 2,
        PspMessageType.Buzz => 4,
        PspMessageType.Raw => PspLayout.RawHeaderLength + PspLayout.RawSampleLength,
        _ => 0,
    };

    /// <summary>The lowercase name used by <c>decode</c> JSON (README, using it).</summary>
    public static string JsonName(PspMessageType type) => type switch
    {
        PspMessageType.Hello => "hello",
        PspMessageType.Samples => "samples",
        PspMessageType.Status => "status",
        PspMessageType.Event => "event",
        PspMessageType.Ack => "ack",
        PspMessageType.Start => "start",
        PspMessageType.Stop => "stop",
        PspMessageType.Buzz => "buzz",
        PspMessageType.Identify => "identify",
        PspMessageType.Raw => "raw",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a PSP v1 message type"),
    };
}
