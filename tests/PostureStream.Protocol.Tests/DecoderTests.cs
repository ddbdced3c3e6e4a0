using PostureStream.Protocol;

namespace PostureStream.Protocol.Tests;

public sealed class DecoderTests
{
    private static List<PspMessage> DecodeAll(PspStreamDecoder decoder, ReadOnlySpan<byte> bytes, int chunk = int.MaxValue)
    {
        var messages = new List<PspMessage>();
        while (!bytes.IsEmpty)
        {
            ReadOnlySpan<byte> part = bytes[..Math.Min(chunk, bytes.Length)];
            bytes = bytes[part.Length..];
            while (decoder.TryDecode(ref part, out PspFrame frame))
            {
                messages.Add(frame.ToMessage());
            }
        }

        return messages;
    }

    private static byte[] Stream(IEnumerable<PspMessage> messages) => messages.SelectMany(PspEncoder.Encode).ToArray();

    [Fact]
    public void Decode_EveryType_RoundTrips()
    {
        var decoder = new PspStreamDecoder();
        List<PspMessage> decoded = DecodeAll(decoder, Stream(MessageSamples.All));
        Assert.Equal(MessageSamples.All, decoded);
        Assert.Equal(MessageSamples.All.Length, decoder.Stats.Frames);
        Assert.Equal(0, decoder.Stats.CrcErrors + decoder.Stats.CobsErrors + decoder.Stats.OtherErrors);
    }

    [Fact]
    public void Decode_SplitAtEveryOffset_YieldsSameFrames()
    {
        byte[] bytes = Stream(MessageSamples.All);
        for (int chunk = 1; chunk <= bytes.Length; chunk++)
        {
            Assert.Equal(MessageSamples.All, DecodeAll(new PspStreamDecoder(), bytes, chunk));
        }
    }

    [Fact]
    public void Decode_BadCrc_IsCountedAndNextFrameSurvives()
    {
        byte[] first = PspEncoder.Encode(new StartMessage(100) { Seq = 1 });
        first[2] ^= 0x40;
        byte[] second = PspEncoder.Encode(new StopMessage { Seq = 2 });
        var decoder = new PspStreamDecoder();
        List<PspMessage> decoded = DecodeAll(decoder, [.. first, .. second]);
        Assert.Equal([new StopMessage { Seq = 2 }], decoded);
        Assert.Equal(1, decoder.Stats.CrcErrors);
    }

    [Fact]
    public void Decode_TwoDelimiters_IsEmptyFrameNotError()
    {
        var decoder = new PspStreamDecoder();
        DecodeAll(decoder, [0, 0, 0]);
        Assert.Equal(3, decoder.Stats.EmptyFrames);
        Assert.Equal(0, decoder.Stats.Resyncs);
    }

    [Fact]
    public void Decode_OversizeRun_IsCountedAndResyncs()
    {
        byte[] garbage = Enumerable.Repeat((byte)0x55, 2000).ToArray();
        byte[] good = PspEncoder.Encode(new IdentifyMessage { Seq = 5 });
        var decoder = new PspStreamDecoder();
        List<PspMessage> decoded = DecodeAll(decoder, [.. garbage, 0, .. good], chunk: 100);
        Assert.Single(decoded);
        Assert.Equal(1, decoder.Stats.OversizeBodies);
    }

    [Fact]
    public void Decode_UnknownTypeAndTrailingBytes_AreForwardCompatible()
    {
        byte[] unknown = new byte[PspLayout.MaxFrameLength];
        int n = PspEncoder.WriteFrame(unknown, 0x33, 0, [1, 2, 3]);
        byte[] status = new byte[PspLayout.MaxFrameLength];
        int m = PspEncoder.WriteFrame(status, (byte)PspMessageType.Status, 1, [0x3C, 0x0F, 50, 0x10, 0x00, 0x01, 0xAA, 0xBB]);
        var decoder = new PspStreamDecoder();
        List<PspMessage> decoded = DecodeAll(decoder, [.. unknown[..n], .. status[..m]]);
        Assert.Equal([new StatusMessage(3900, 50, 16, StatusFlags.Charging) { Seq = 1 }], decoded);
        Assert.Equal(1, decoder.Stats.UnknownTypes);
        Assert.Equal(0, decoder.Stats.LostDeviceFrames);
    }

    [Theory]
    [InlineData(new byte[] { 0 })]
    [InlineData(new byte[] { 17 })]
    [InlineData(new byte[] { 2, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 })]
    public void Decode_SamplesCountOutOfRangeOrShort_IsBadLength(byte[] payload)
    {
        byte[] frame = new byte[PspLayout.MaxFrameLength];
        int n = PspEncoder.WriteFrame(frame, (byte)PspMessageType.Samples, 0, payload);
        var decoder = new PspStreamDecoder();
        Assert.Empty(DecodeAll(decoder, frame[..n]));
        Assert.Equal(1, decoder.Stats.BadLengths);
    }

    [Fact]
    public void Decode_UnknownVersion_IsCounted()
    {
        byte[] frame = new byte[PspLayout.MaxFrameLength];
        int n = PspEncoder.WriteFrame(frame, (byte)PspMessageType.Stop, 0, [], version: 2);
        var decoder = new PspStreamDecoder();
        Assert.Empty(DecodeAll(decoder, frame[..n]));
        Assert.Equal(1, decoder.Stats.UnknownVersions);
    }

    [Theory]
    [InlineData(new ushort[] { 65534, 65535, 0, 1 }, 0, 0)]
    [InlineData(new ushort[] { 10, 13 }, 2, 0)]
    [InlineData(new ushort[] { 10, 10 }, 0, 1)]
    [InlineData(new ushort[] { 10, 5 }, 0, 1)]
    [InlineData(new ushort[] { 0, 32768 }, 32767, 0)]
    [InlineData(new ushort[] { 0, 32769 }, 0, 1)]
    public void Decode_SeqSteps_CountLossesAndResets(ushort[] seqs, long lost, long resets)
    {
        var decoder = new PspStreamDecoder();
        DecodeAll(decoder, Stream(seqs.Select(s => new EventMessage(0, DeviceEventCode.LowBattery, 0) { Seq = s })));
        Assert.Equal(lost, decoder.Stats.LostDeviceFrames);
        Assert.Equal(resets, decoder.Stats.DeviceSeqResets);
    }

    [Fact]
    public void Decode_DirectionsHaveTheirOwnSeq()
    {
        var decoder = new PspStreamDecoder();
        DecodeAll(decoder, Stream([new StopMessage { Seq = 100 }, new StatusMessage(1, 2, 3, 0) { Seq = 7 }, new StopMessage { Seq = 101 }, new StatusMessage(1, 2, 3, 0) { Seq = 8 }]));
        Assert.Equal(0, decoder.Stats.LostFrames);
        Assert.Equal(0, decoder.Stats.DeviceSeqResets + decoder.Stats.HostSeqResets);
    }

    [Fact]
    public void Decode_SteadyState_AllocatesNothing()
    {
        byte[] frame = PspEncoder.Encode(new SamplesMessage(Enumerable.Range(0, 16).Select(i => new Sample((uint)i, 1, 2, 3, 4)).ToArray()));
        var decoder = new PspStreamDecoder();
        long checksum = Consume(decoder, frame, 100);
        long before = GC.GetAllocatedBytesForCurrentThread();
        checksum += Consume(decoder, frame, 10_000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(checksum > 0);
    }

    private static long Consume(PspStreamDecoder decoder, byte[] frame, int times)
    {
        long sum = 0;
        for (int i = 0; i < times; i++)
        {
            ReadOnlySpan<byte> input = frame;
            while (decoder.TryDecode(ref input, out PspFrame f))
            {
                for (int s = 0; s < f.SampleCount; s++)
                {
                    sum += f.GetSample(s).PelvisPitchCentiDegrees;
                }
            }
        }

        return sum;
    }
}
