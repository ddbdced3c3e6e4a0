using System.Buffers.Binary;
using System.Text;

namespace PostureStream.Protocol;

/// <summary>
/// A frame the decoder accepted: CRC good, version 1, a known type and a payload long enough for it.
/// It is a view into the decoder's buffer, valid until the decoder is fed again.
/// </summary>
public readonly ref struct PspFrame
{
    public PspFrame(PspMessageType type, ushort seq, ReadOnlySpan<byte> payload)
    {
        Type = type;
        Seq = seq;
        Payload = payload;
    }

    public PspMessageType Type { get; }

    public ushort Seq { get; }

    public ReadOnlySpan<byte> Payload { get; }

    /// <summary>The number of samples of a SAMPLES frame.</summary>
    public int SampleCount => Type == PspMessageType.Samples ? Payload[0] : 0;

    /// <summary>Sample <paramref name="index"/> of a SAMPLES frame, without allocating.</summary>
    public Sample GetSample(int index)
    {
        ReadOnlySpan<byte> s = Payload.Slice(1 + (index * PspLayout.SampleLength), PspLayout.SampleLength);
        return new Sample(
            BinaryPrimitives.ReadUInt32LittleEndian(s),
            BinaryPrimitives.ReadInt16LittleEndian(s[4..]),
            BinaryPrimitives.ReadInt16LittleEndian(s[6..]),
            BinaryPrimitives.ReadInt16LittleEndian(s[8..]),
            BinaryPrimitives.ReadInt16LittleEndian(s[10..]));
    }

    /// <summary>Copies the samples into <paramref name="destination"/>; returns how many.</summary>
    public int CopySamples(Span<Sample> destination)
    {
        int count = SampleCount;
        for (int i = 0; i < count; i++)
        {
            destination[i] = GetSample(i);
        }

        return count;
    }

    /// <summary>The frame as a message object (allocates; the hot path reads the frame directly).</summary>
    public PspMessage ToMessage()
    {
        ReadOnlySpan<byte> p = Payload;
        PspMessage message = Type switch
        {
            PspMessageType.Hello => new HelloMessage(
                BinaryPrimitives.ReadUInt64LittleEndian(p),
                p[8],
                p[9],
                p[10],
                BinaryPrimitives.ReadUInt16LittleEndian(p[11..]),
                (SensorMask)p[13],
                Encoding.UTF8.GetString(p.Slice(PspLayout.HelloFixedLength, p[14]))),
            PspMessageType.Samples => new SamplesMessage(ReadSamples()),
            PspMessageType.Status => new StatusMessage(
                BinaryPrimitives.ReadUInt16LittleEndian(p),
                p[2],
                BinaryPrimitives.ReadInt16LittleEndian(p[3..]),
                (StatusFlags)p[5]),
            PspMessageType.Event => new EventMessage(BinaryPrimitives.ReadUInt32LittleEndian(p), (DeviceEventCode)p[4], p[5]),
            PspMessageType.Ack => new AckMessage(BinaryPrimitives.ReadUInt16LittleEndian(p), (PspMessageType)p[2], (AckResult)p[3]),
            PspMessageType.Start => new StartMessage(BinaryPrimitives.ReadUInt16LittleEndian(p)),
            PspMessageType.Stop => new StopMessage(),
            PspMessageType.Buzz => new BuzzMessage((BuzzPattern)p[0], BinaryPrimitives.ReadUInt16LittleEndian(p[1..]), p[3]),
            PspMessageType.Identify => new IdentifyMessage(),
            _ => throw new InvalidOperationException($"type 0x{(byte)Type:x2} is not a known PSP v1 type"),
        };
        return message with { Seq = Seq };
    }

    private Sample[] ReadSamples()
    {
        var samples = new Sample[SampleCount];
        CopySamples(samples);
        return samples;
    }

    /// <summary>
    /// Why a payload is too short for its type, or null when it is long enough. Bytes past the
    /// defined fields are allowed: newer firmware may append fields.
    /// </summary>
    internal static bool HasValidLength(PspMessageType type, ReadOnlySpan<byte> payload)
    {
        if (payload.Length < PspMessageTypes.MinimumPayloadLength(type))
        {
            return false;
        }

        return type switch
        {
            PspMessageType.Hello => payload[14] <= PspLayout.MaxNameLength && payload.Length >= PspLayout.HelloFixedLength + payload[14],
            PspMessageType.Samples => payload[0] is >= 1 and <= PspLayout.MaxSamplesPerFrame
                && payload.Length >= 1 + (payload[0] * PspLayout.SampleLength),
            _ => true,
        };
    }
}
