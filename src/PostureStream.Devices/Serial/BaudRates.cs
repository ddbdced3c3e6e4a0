using System.Collections.Frozen;

namespace PostureStream.Devices.Serial;

/// <summary>The termios speed constants (Bnnn) Linux defines; other rates go through termios2/BOTHER.</summary>
public static class BaudRates
{
    /// <summary>The default of a <c>serial:</c> source (README, using it).</summary>
    public const int Default = 115200;

    /// <summary>The highest rate any Linux termios constant names.</summary>
    public const int Maximum = 4_000_000;

    private static readonly FrozenDictionary<int, uint> Constants = new Dictionary<int, uint>
    {
        [50] = 0x1, [75] = 0x2, [110] = 0x3, [134] = 0x4, [150] = 0x5, [200] = 0x6, [300] = 0x7, [600] = 0x8,
        [1200] = 0x9, [1800] = 0xA, [2400] = 0xB, [4800] = 0xC, [9600] = 0xD, [19200] = 0xE, [38400] = 0xF,
        [57600] = 0x1001, [115200] = 0x1002, [230400] = 0x1003, [460800] = 0x1004, [500000] = 0x1005,
        [576000] = 0x1006, [921600] = 0x1007, [1000000] = 0x1008, [1152000] = 0x1009, [1500000] = 0x100A,
        [2000000] = 0x100B, [2500000] = 0x100C, [3000000] = 0x100D, [3500000] = 0x100E, [4000000] = 0x100F,
    }.ToFrozenDictionary();

    /// <summary>The standard rates, ascending.</summary>
    public static IReadOnlyList<int> Standard { get; } = [.. Constants.Keys.Order()];

    /// <summary>The standard rates as a message lists them.</summary>
    public static string StandardList => string.Join(", ", Standard);

    internal static bool TryGetConstant(int baud, out uint constant) => Constants.TryGetValue(baud, out constant);

    /// <summary>The rate a termios speed constant stands for, or null.</summary>
    internal static int? FromConstant(uint constant)
    {
        foreach (var pair in Constants)
        {
            if (pair.Value == constant)
            {
                return pair.Key;
            }
        }

        return null;
    }
}
