namespace PostureStream.Protocol.WitMotion;

/// <summary>
/// Output rate codes of the RRATE register (WitMotion SDK REG.h): 0x01 0.2 Hz, 0x02 0.5 Hz, 0x03 1 Hz, 0x04 2 Hz,
/// 0x05 5 Hz, 0x06 10 Hz (factory default), 0x07 20 Hz, 0x08 50 Hz, 0x09 100 Hz, 0x0A 125 Hz (WT931 only),
/// 0x0B 200 Hz.
/// </summary>
public static class WitMotionRates
{
    private static readonly (double Hertz, byte Code)[] Table =
    [
        (0.2, 0x01), (0.5, 0x02), (1, 0x03), (2, 0x04), (5, 0x05), (10, 0x06), (20, 0x07), (50, 0x08), (100, 0x09), (125, 0x0A), (200, 0x0B),
    ];

    /// <summary>The factory default output rate.</summary>
    public const double DefaultHertz = 10;

    /// <summary>The rates a sensor can be set to, in Hz.</summary>
    public static IReadOnlyList<double> Supported { get; } = Table.Select(t => t.Hertz).ToArray();

    public static bool TryGetCode(double hertz, out byte code)
    {
        foreach ((double h, byte c) in Table)
        {
            if (h == hertz)
            {
                code = c;
                return true;
            }
        }

        code = 0;
        return false;
    }

    /// <summary>The code for <paramref name="hertz"/>; throws naming the supported rates when there is none.</summary>
    public static byte CodeOf(double hertz) => TryGetCode(hertz, out byte code)
        ? code
        : throw new ArgumentOutOfRangeException(nameof(hertz), hertz, $"a WitMotion sensor cannot output {hertz} Hz; use one of {string.Join(", ", Supported)}");

    /// <summary>The rate of a code, or null for codes that are no rate (0x0C single output, 0x0D none).</summary>
    public static double? HertzOf(int code)
    {
        foreach ((double h, byte c) in Table)
        {
            if (c == code)
            {
                return h;
            }
        }

        return null;
    }
}
