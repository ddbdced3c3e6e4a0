namespace PostureStream.Devices.Session;

/// <summary>
/// Text that comes from a device (its HELLO name) ends up on terminals and in logs. Control characters — C0
/// (including ESC), DEL and C1 — are removed, so a device cannot move the cursor, recolour or retitle the
/// terminal, or forge log lines with a newline.
/// </summary>
internal static class DeviceText
{
    /// <summary><paramref name="text"/> without its control characters (the same string when it has none).</summary>
    public static string Printable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        // char.IsControl is exactly Unicode category Cc: U+0000–U+001F, U+007F and U+0080–U+009F.
        return string.Concat(text.Where(c => !char.IsControl(c)));
    }
}
