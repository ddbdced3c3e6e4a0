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

    /// <summary>The number of samples of a RAW frame.</summary>
    public int RawSampleCount => Type == PspMessageType.Raw ? Payload[0] : 0;

    /// <summary>Which IMUs a RAW frame's readings are valid for.</summary>
    public SensorMask RawImuMask => (SensorMask)Payload[1];

    /// <summary>A RAW frame's accelerometer full scale in g.</summary>
    public byte RawAccelFullScaleG => Payload[2];

    /// <summary>A RAW frame's gyroscope full scale in °/s.</summary>
    public ushort RawGyroFullScaleDps => BinaryPrimitives.ReadUInt16LittleEndian(Payload[3..]);

    /// <summary>Sample <paramref name="index"/> of a RAW frame, without allocating.</summary>
    public RawSample GetRawSample(int index)
    {
        ReadOnlySpan<byte> s = Payload.Slice(PspLayout.RawHeaderLength + (index * PspLayout.RawSampleLength), PspLayout.RawSampleLength);
        return new RawSample(BinaryPrimitives.ReadUInt32LittleEndian(s), ReadImu(s[4..]), ReadImu(s[16..]));
    }

    private static ImuReading ReadImu(ReadOnlySpan<byte> r) => new(
        BinaryPrimitives.ReadInt16LittleEndian(r),
        BinaryPrimitives.ReadInt16LittleEndian(r[2..]),
        BinaryPrimitives.ReadInt16LittleEndian(r[4..]),
        BinaryPrimitives.ReadInt16LittleEndian(r[6..]),
        BinaryPrimitives.ReadInt16LittleEndian(r[8..]),
        BinaryPrimitives.ReadInt16LittleEndian(r[10..]));

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
            PspMessageType.Raw => new RawMessage(RawImuMask, RawAccelFullScaleG, RawGyroFullScaleDps, ReadRawSamples()),
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

    private RawSample[] ReadRawSamples()
    {
        var samples = new RawSample[RawSampleCount];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = GetRawSample(i);
        }

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
            // A full scale this version does not list would scale every reading wrongly: reject the frame.
            PspMessageType.Raw => payload[0] is >= 1 and <= PspLayout.MaxRawSamplesPerFrame
                && RawFullScale.IsValidAccelerometer(payload[2])
                && RawFullScale.IsValidGyroscope(BinaryPrimitives.ReadUInt16LittleEndian(payload[3..]))
                && payload.Length >= PspLayout.RawHeaderLength + (payload[0] * PspLayout.RawSampleLength),
            _ => true,
        };
    }
}
