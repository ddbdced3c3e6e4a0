namespace PostureStream.Protocol;

/// <summary>Consistent Overhead Byte Stuffing: removes every 0x00 so that 0x00 can delimit frames.</summary>
public static class Cobs
{
    /// <summary>The largest encoding of <paramref name="length"/> bytes: one code byte per 254 data bytes, plus one.</summary>
    public static int MaxEncodedLength(int length) => length + (length / 254) + 1;

    /// <summary>Encodes <paramref name="source"/> into <paramref name="destination"/> (no delimiter); returns the bytes written.</summary>
    public static int Encode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        int codeIndex = 0;
        int write = 1;
        byte code = 1;
        for (int read = 0; read < source.Length; read++)
        {
            byte b = source[read];
            if (b != 0)
            {
                destination[write++] = b;
                if (++code != 0xFF)
                {
                    continue;
                }

                // A full 254-byte run ends its block; at the very end of the input no empty block follows.
                if (read == source.Length - 1)
                {
                    break;
                }
            }

            destination[codeIndex] = code;
            codeIndex = write++;
            code = 1;
        }

        destination[codeIndex] = code;
        return write;
    }

    /// <summary>
    /// Decodes one COBS block (without its delimiter). Returns false on a zero byte inside the block,
    /// a code that runs past the end, or a destination too small.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> source, Span<byte> destination, out int written)
    {
        written = 0;
        int read = 0;
        while (read < source.Length)
        {
            byte code = source[read++];
            if (code == 0)
            {
                return false;
            }

            int run = code - 1;
            if (read + run > source.Length || written + run > destination.Length)
            {
                return false;
            }

            ReadOnlySpan<byte> data = source.Slice(read, run);
            if (data.Contains((byte)0))
            {
                return false;
            }

            data.CopyTo(destination[written..]);
            written += run;
            read += run;
            if (code != 0xFF && read < source.Length)
            {
                if (written == destination.Length)
                {
                    return false;
                }

                destination[written++] = 0;
            }
        }

        return true;
    }
}
