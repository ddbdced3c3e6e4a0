namespace PostureStream.Storage.Schema;

/// <summary>
/// The stored spelling of every enum value: the strings both stores write and read back.
/// UTF-8 forms are static literals so the line-protocol hot path allocates nothing.
/// </summary>
public static class SchemaText
{
    public static string ToText(PostureActivity value) => value switch
    {
        PostureActivity.Standing => "standing",
        PostureActivity.Sitting => "sitting",
        PostureActivity.Walking => "walking",
        PostureActivity.Bending => "bending",
        PostureActivity.Lying => "lying",
        _ => "unknown",
    };

    public static string ToText(PostureState value) => value switch
    {
        PostureState.Neutral => "neutral",
        PostureState.Flattened => "flattened",
        PostureState.Hyperextended => "hyperextended",
        PostureState.Uncalibrated => "uncalibrated",
        PostureState.SensorFault => "sensor_fault",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "not a posture state"),
    };

    public static string ToText(AlertKind value) => value switch
    {
        AlertKind.Flattening => "flattening",
        AlertKind.Hyperextension => "hyperextension",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "not an alert kind"),
    };

    public static string ToText(AlertPhase value) => value switch
    {
        AlertPhase.Raised => "raised",
        AlertPhase.Reminder => "reminder",
        AlertPhase.Cleared => "cleared",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "not an alert phase"),
    };

    public static string ToText(LinkTransport value) => value switch
    {
        LinkTransport.Serial => "serial",
        LinkTransport.Ble => "ble",
        LinkTransport.Tcp => "tcp",
        LinkTransport.File => "file",
        LinkTransport.Sim => "sim",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "not a link transport"),
    };

    internal static ReadOnlySpan<byte> ToUtf8(PostureActivity value) => value switch
    {
        PostureActivity.Standing => "standing"u8,
        PostureActivity.Sitting => "sitting"u8,
        PostureActivity.Walking => "walking"u8,
        PostureActivity.Bending => "bending"u8,
        PostureActivity.Lying => "lying"u8,
        _ => "unknown"u8,
    };

    internal static ReadOnlySpan<byte> ToUtf8(PostureState value) => value switch
    {
        PostureState.Neutral => "neutral"u8,
        PostureState.Flattened => "flattened"u8,
        PostureState.Hyperextended => "hyperextended"u8,
        PostureState.Uncalibrated => "uncalibrated"u8,
        _ => "sensor_fault"u8,
    };

    internal static ReadOnlySpan<byte> ToUtf8(AlertKind value) => value == AlertKind.Flattening ? "flattening"u8 : "hyperextension"u8;

    internal static ReadOnlySpan<byte> ToUtf8(AlertPhase value) => value switch
    {
        AlertPhase.Raised => "raised"u8,
        AlertPhase.Reminder => "reminder"u8,
        _ => "cleared"u8,
    };

    internal static ReadOnlySpan<byte> ToUtf8(LinkTransport value) => value switch
    {
        LinkTransport.Serial => "serial"u8,
        LinkTransport.Ble => "ble"u8,
        LinkTransport.Tcp => "tcp"u8,
        LinkTransport.File => "file"u8,
        _ => "sim"u8,
    };
}
