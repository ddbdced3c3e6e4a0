using System.Buffers.Binary;

namespace PostureStream.Protocol;

/// <summary>
/// Turns a byte stream cut into any chunks into PSP v1 frames. Its buffer is bounded by the largest
/// frame; corrupt input is counted in <see cref="Stats"/>, never thrown, and the decoder picks up
/// again at the next 0x00. Steady-state decoding allocates nothing.
/// </summary>
/// <example>
/// <code>
/// ReadOnlySpan&lt;byte&gt; input = chunk;
/// while (decoder.TryDecode(ref input, out PspFrame frame)) { ... }
/// </code>
/// </example>
public sealed class PspStreamDecoder
{
    private readonly byte[] _encoded = new byte[PspLayout.MaxFrameLength];
    // Decoded bodies are never longer than their encoding, so an oversize body still fits and is then measured.
    private readonly byte[] _body = new byte[PspLayout.MaxFrameLength];
    private readonly int?[] _lastSeq = new int?[2];
    private int _encodedLength;
    private bool _discarding;
    private PspDecoderStats _stats;

    public PspDecoderStats Stats => _stats;

    /// <summary>The error of the last delimited block (None when it was accepted).</summary>
    public PspFrameError LastError { get; private set; }

    /// <summary>
    /// Consumes bytes from <paramref name="input"/> up to and including the next frame's delimiter.
    /// Returns true with the frame, or false when <paramref name="input"/> is used up (the partial
    /// frame is kept for the next call). The frame is valid until the next call.
    /// </summary>
    public bool TryDecode(ref ReadOnlySpan<byte> input, out PspFrame frame)
    {
        while (!input.IsEmpty)
        {
            int delimiter = input.IndexOf((byte)0);
            ReadOnlySpan<byte> chunk = delimiter < 0 ? input : input[..delimiter];
            _stats.Bytes += delimiter < 0 ? input.Length : delimiter + 1;
            input = delimiter < 0 ? default : input[(delimiter + 1)..];
            Append(chunk);
            if (delimiter < 0)
            {
                break;
            }

            if (Complete(out frame))
            {
                return true;
            }
        }

        frame = default;
        return false;
    }

    /// <summary>Forgets a partial frame, as after a reconnect: the next bytes start a new frame.</summary>
    public void ResetStream()
    {
        _encodedLength = 0;
        _discarding = false;
    }

    /// <summary>Forgets the last seq of each direction, so the next frame is not counted as lost or a reset.</summary>
    public void ResetSequence() => Array.Clear(_lastSeq);

    private void Append(ReadOnlySpan<byte> chunk)
    {
        if (_discarding)
        {
            return;
        }

        if (_encodedLength + chunk.Length > _encoded.Length)
        {
            // Too long to be a frame: drop it and wait for the delimiter.
            _discarding = true;
            _stats.OversizeBodies++;
            _stats.Resyncs++;
            _encodedLength = 0;
            return;
        }

        chunk.CopyTo(_encoded.AsSpan(_encodedLength));
        _encodedLength += chunk.Length;
    }

    private bool Complete(out PspFrame frame)
    {
        frame = default;
        int length = _encodedLength;
        bool discarded = _discarding;
        _encodedLength = 0;
        _discarding = false;
        if (discarded)
        {
            LastError = PspFrameError.OversizeBody;
            return false;
        }

        if (length == 0)
        {
            _stats.EmptyFrames++;
            LastError = PspFrameError.Empty;
            return false;
        }

        LastError = Check(_encoded.AsSpan(0, length), out int bodyLength);
        if (LastError != PspFrameError.None)
        {
            return false;
        }

        var type = (PspMessageType)_body[1];
        frame = new PspFrame(type, BinaryPrimitives.ReadUInt16LittleEndian(_body.AsSpan(2)), _body.AsSpan(PspLayout.HeaderLength, bodyLength - PspLayout.MinBodyLength));
        _stats.Frames++;
        return true;
    }

    private PspFrameError Check(ReadOnlySpan<byte> encoded, out int bodyLength)
    {
        if (!Cobs.TryDecode(encoded, _body, out bodyLength))
        {
            return Count(PspFrameError.Cobs);
        }

        if (bodyLength > PspLayout.MaxBodyLength)
        {
            return Count(PspFrameError.OversizeBody);
        }

        if (bodyLength < PspLayout.MinBodyLength)
        {
            return Count(PspFrameError.ShortBody);
        }

        ReadOnlySpan<byte> body = _body.AsSpan(0, bodyLength);
        int crcAt = bodyLength - PspLayout.CrcLength;
        if (Crc16CcittFalse.Compute(body[..crcAt]) != BinaryPrimitives.ReadUInt16LittleEndian(body[crcAt..]))
        {
            return Count(PspFrameError.Crc);
        }

        if (body[0] != PspLayout.Version)
        {
            return Count(PspFrameError.UnknownVersion);
        }

        byte type = body[1];
        TrackSeq(type, BinaryPrimitives.ReadUInt16LittleEndian(body[2..]));
        if (!PspMessageTypes.IsKnown(type))
        {
            return Count(PspFrameError.UnknownType);
        }

        if (!PspFrame.HasValidLength((PspMessageType)type, body[PspLayout.HeaderLength..crcAt]))
        {
            return Count(PspFrameError.BadLength);
        }

        return PspFrameError.None;
    }

    private void TrackSeq(byte type, ushort seq)
    {
        int direction = (int)PspMessageTypes.DirectionOf(type);
        int? last = _lastSeq[direction];
        _lastSeq[direction] = seq;
        if (last is null)
        {
            return;
        }

        int step = (seq - last.Value - 1) & 0xFFFF;
        if (step == 0)
        {
            return;
        }

        bool hostToDevice = direction == (int)PspDirection.HostToDevice;
        if (step <= 32767)
        {
            if (hostToDevice)
            {
                _stats.LostHostFrames += step;
            }
            else
            {
                _stats.LostDeviceFrames += step;
            }
        }
        else if (hostToDevice)
        {
            _stats.HostSeqResets++;
        }
        else
        {
            _stats.DeviceSeqResets++;
        }
    }

    private PspFrameError Count(PspFrameError error)
    {
        switch (error)
        {
            case PspFrameError.Cobs: _stats.CobsErrors++; _stats.Resyncs++; break;
            case PspFrameError.ShortBody: _stats.ShortBodies++; _stats.Resyncs++; break;
            case PspFrameError.OversizeBody: _stats.OversizeBodies++; _stats.Resyncs++; break;
            case PspFrameError.Crc: _stats.CrcErrors++; _stats.Resyncs++; break;
            case PspFrameError.UnknownVersion: _stats.UnknownVersions++; break;
            case PspFrameError.UnknownType: _stats.UnknownTypes++; break;
            case PspFrameError.BadLength: _stats.BadLengths++; break;
        }

        return error;
    }
}
