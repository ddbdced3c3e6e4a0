using System.Buffers;
using System.Buffers.Text;
using System.Globalization;

namespace PostureStream.Storage.LineProtocol;

/// <summary>
/// Round-trippable UTF-8 text for a finite double. Values with at most six decimals (sensor
/// angles in 0.01°, rounded figures) take a fast fixed-point path; the rest use .NET's shortest
/// round-trip formatting.
/// <para>
/// Why the fast path is exact: if <c>r / 10^k == value</c> for an integer <c>r</c> below 2^53,
/// then <c>value</c> is the double nearest to the decimal r·10^-k (IEEE division rounds
/// correctly), which is exactly what a correct parser returns for that text.
/// </para>
/// </summary>
internal static class FloatFormatter
{
    private const int MaxFastDecimals = 6;
    private const double MaxFastMagnitude = 1e9;

    private static readonly double[] Pow10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6];
    private static readonly long[] Pow10Long = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

    /// <summary>Writes <paramref name="value"/> (finite) into <paramref name="destination"/> (at least 32 bytes).</summary>
    public static int Write(double value, Span<byte> destination)
    {
        if (Math.Abs(value) < MaxFastMagnitude && (value != 0 || !double.IsNegative(value)))
        {
            for (int k = 0; k <= MaxFastDecimals; k++)
            {
                double r = Math.Round(value * Pow10[k]);
                if (r / Pow10[k] == value)
                {
                    return WriteFixed((long)r, k, destination);
                }
            }
        }

        value.TryFormat(destination, out int written, default, NumberFormatInfo.InvariantInfo);
        return written;
    }

    private static int WriteFixed(long scaled, int decimals, Span<byte> destination)
    {
        int written = 0;
        if (scaled < 0)
        {
            destination[written++] = (byte)'-';
            scaled = -scaled;
        }

        long whole = Math.DivRem(scaled, Pow10Long[decimals], out long fraction);
        Utf8Formatter.TryFormat(whole, destination[written..], out int length);
        written += length;
        if (decimals > 0)
        {
            destination[written++] = (byte)'.';
            Utf8Formatter.TryFormat(fraction, destination[written..], out length, new StandardFormat('D', (byte)decimals));
            written += length;
        }

        return written;
    }
}
