namespace PostureStream.Protocol.WitMotion;

/// <summary>
/// Turns a WitMotion serial (or Bluetooth SPP) byte stream cut into any chunks into packets. A packet is 0x55, an
/// output type (0x50–0x5F), 8 data bytes and the low byte of the sum of the first ten. A bad checksum is counted and
/// the search for the next 0x55 starts at the byte after the false start, so one corrupt byte costs at most the
/// packets it touched. Never throws on input; the buffer is one packet; steady-state decoding allocates nothing.
/// </summary>
public sealed class WitMotionSerialDecoder
{
    private readonly byte[] _buffer = new byte[WitMotionLayout.SerialPacketLength];
    private int _length;
    private bool _inStep = true;
    private WitMotionDecoderStats _stats;

    public WitMotionDecoderStats Stats => _stats;

    /// <summary>
    /// Consumes bytes from <paramref name="input"/> up to the end of the next packet of a read type. Returns false
    /// when <paramref name="input"/> is used up (a partial packet is kept for the next call).
    /// </summary>
    public bool TryDecode(ref ReadOnlySpan<byte> input, out WitMotionPacket packet)
    {
        while (true)
        {
            while (_length < WitMotionLayout.SerialPacketLength)
            {
                if (input.IsEmpty)
                {
                    packet = default;
                    return false;
                }

                Take(ref input);
            }

            ReadOnlySpan<byte> whole = _buffer;
            if (WitMotionLayout.Checksum(whole) != whole[^1])
            {
                _stats.ChecksumErrors++;
                LoseStep();
                Shift(1);
                continue;
            }

            _length = 0;
            _inStep = true;
            if (!WitMotionPacketTypes.IsRead(whole[1]))
            {
                _stats.SkippedTypes++;
                continue;
            }

            packet = WitMotionPacket.Read(whole);
            _stats.Packets++;
            return true;
        }
    }

    /// <summary>Forgets a partial packet, as after a reconnect: the next bytes start afresh.</summary>
    public void ResetStream()
    {
        _length = 0;
        _inStep = true;
    }

    /// <summary>Moves bytes from the input into the buffer, skipping whatever cannot start a packet.</summary>
    private void Take(ref ReadOnlySpan<byte> input)
    {
        if (_length == 0)
        {
            int start = input.IndexOf(WitMotionLayout.Header);
            int skip = start < 0 ? input.Length : start;
            if (skip > 0)
            {
                Discard(skip);
                _stats.Bytes += skip;
                input = input[skip..];
                return;
            }

            // Take the header alone, so the type byte is checked before the rest is taken.
            _buffer[_length++] = input[0];
            _stats.Bytes++;
            input = input[1..];
            return;
        }

        if (_length == 1 && !WitMotionPacketTypes.IsOutputType(input[0]))
        {
            // 0x55 then something that is no output type: the 0x55 was data.
            _length = 0;
            Discard(1);
            return;
        }

        int count = Math.Min(WitMotionLayout.SerialPacketLength - _length, input.Length);
        input[..count].CopyTo(_buffer.AsSpan(_length));
        _length += count;
        _stats.Bytes += count;
        input = input[count..];
    }

    /// <summary>Drops <paramref name="count"/> bytes from the front of the buffer and realigns on the next 0x55 in it.</summary>
    private void Shift(int count)
    {
        int next = _buffer.AsSpan(count, _length - count).IndexOf(WitMotionLayout.Header);
        int drop = next < 0 ? _length : count + next;
        Discard(drop);
        _buffer.AsSpan(drop, _length - drop).CopyTo(_buffer);
        _length -= drop;
        if (_length >= 2 && !WitMotionPacketTypes.IsOutputType(_buffer[1]))
        {
            Shift(1);
        }
    }

    private void Discard(int count)
    {
        _stats.DiscardedBytes += count;
        LoseStep();
    }

    private void LoseStep()
    {
        if (_inStep)
        {
            _inStep = false;
            _stats.Resyncs++;
        }
    }
}
