namespace PostureStream.Protocol.WitMotion;

/// <summary>
/// Baud rate codes of the BAUD register (WitMotion SDK REG.h): 1 4800, 2 9600, 3 19200, 4 38400, 5 57600,
/// 6 115200, 7 230400, 8 460800, 9 921600. Serial models leave the factory at 9600 (some at 115200).
/// </summary>
public static class WitMotionBauds
{
    private static readonly int[] Rates = [4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600];

    /// <summary>The rates the detection tries, most common first.</summary>
    public static IReadOnlyList<int> Detect { get; } = [115200, 9600];

    public static IReadOnlyList<int> Supported => Rates;

    public static byte CodeOf(int baud)
    {
        int index = Array.IndexOf(Rates, baud);
        return index >= 0
            ? (byte)(index + 1)
            : throw new ArgumentOutOfRangeException(nameof(baud), baud, $"a WitMotion sensor cannot use {baud} baud; use one of {string.Join(", ", Rates)}");
    }

    /// <summary>The baud rate of a code, or null.</summary>
    public static int? BaudOf(int code) => code is >= 1 and <= 9 ? Rates[code - 1] : null;
}
