using System.Buffers.Binary;

namespace PostureStream.Protocol.WitMotion;

/// <summary>
/// Reads register commands (<c>FF AA reg dataL dataH</c>) from a byte stream in any chunks, as a sensor does: for
/// stand-ins that must obey rate, baud and save commands. Bytes that do not start a command are skipped and counted.
/// </summary>
public sealed class WitMotionCommandDecoder
{
    private readonly byte[] _buffer = new byte[WitMotionLayout.CommandLength];
    private int _length;

    /// <summary>Bytes skipped because they did not start a command.</summary>
    public long DiscardedBytes { get; private set; }

    public bool TryDecode(ref ReadOnlySpan<byte> input, out WitMotionCommand command)
    {
        while (!input.IsEmpty)
        {
            byte b = input[0];
            input = input[1..];
            bool fits = _length switch
            {
                0 => b == WitMotionLayout.CommandPrefix0,
                1 => b == WitMotionLayout.CommandPrefix1,
                _ => true,
            };
            if (!fits)
            {
                DiscardedBytes += _length + (b == WitMotionLayout.CommandPrefix0 ? 0 : 1);
                _length = b == WitMotionLayout.CommandPrefix0 ? 1 : 0;
                _buffer[0] = b;
                continue;
            }

            _buffer[_length++] = b;
            if (_length == WitMotionLayout.CommandLength)
            {
                _length = 0;
                command = new WitMotionCommand(_buffer[2], BinaryPrimitives.ReadUInt16LittleEndian(_buffer.AsSpan(3)));
                return true;
            }
        }

        command = default;
        return false;
    }
}
