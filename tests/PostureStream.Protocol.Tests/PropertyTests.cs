using FsCheck;
using FsCheck.Fluent;
using PostureStream.Protocol;

namespace PostureStream.Protocol.Tests;

/// <summary>FsCheck properties of the codec: round trips, any chunking, corruption never throws.</summary>
public sealed class PropertyTests
{
    private static readonly Gen<ushort> Seq = Gen.Choose(0, 65535).Select(i => (ushort)i);
    private static readonly Gen<short> Angle = Gen.Choose(short.MinValue, short.MaxValue).Select(i => (short)i);

    private static readonly Gen<Sample> SampleGen =
        from tick in Gen.Choose(int.MinValue, int.MaxValue)
        from a in Angle
        from b in Angle
        from c in Angle
        from d in Angle
        select new Sample(unchecked((uint)tick), a, b, c, d);

    private static readonly Gen<ImuReading> ImuGen =
        from ax in Angle from ay in Angle from az in Angle from gx in Angle from gy in Angle from gz in Angle
        select new ImuReading(ax, ay, az, gx, gy, gz);

    private static readonly Gen<RawSample> RawSampleGen =
        from tick in Gen.Choose(int.MinValue, int.MaxValue)
        from lumbar in ImuGen
        from pelvis in ImuGen
        select new RawSample(unchecked((uint)tick), lumbar, pelvis);

    private static readonly Gen<PspMessage> RawGen =
        from mask in Gen.Choose(0, 3)
        from accel in Gen.Elements<byte>(2, 4, 8, 16)
        from gyro in Gen.Elements<ushort>(125, 250, 500, 1000, 2000, 4000)
        from samples in Gen.ArrayOf(RawSampleGen).Where(a => a.Length is >= 1 and <= 8)
        select (PspMessage)new RawMessage((SensorMask)mask, accel, gyro, samples);

    private static readonly Gen<string> Name =
        Gen.Elements("", "lumbar", "Rücken 1", "名前", "a=b,c d\\\"").SelectMany(s => Gen.Choose(0, s.Length).Select(n => s[..n]));

    private static Gen<byte> Byte => Gen.Choose(0, 255).Select(i => (byte)i);

    private static readonly Gen<PspMessage> MessageGen = Gen.OneOf(
        from id in Gen.Choose(int.MinValue, int.MaxValue) from major in Byte from rate in Gen.Choose(0, 65535) from mask in Byte from name in Name
        select (PspMessage)new HelloMessage(unchecked((ulong)id * 2654435761UL), major, 2, 3, (ushort)rate, (SensorMask)mask, name),
        Gen.ArrayOf(SampleGen).Where(a => a.Length is >= 1 and <= 16).Select(a => (PspMessage)new SamplesMessage(a)),
        from mv in Gen.Choose(0, 65535) from pct in Byte from t in Angle from f in Byte
        select (PspMessage)new StatusMessage((ushort)mv, pct, t, (StatusFlags)f),
        from tick in Gen.Choose(0, int.MaxValue) from code in Byte from arg in Byte
        select (PspMessage)new EventMessage((uint)tick, (DeviceEventCode)code, arg),
        from q in Seq from t in Byte from r in Byte select (PspMessage)new AckMessage(q, (PspMessageType)t, (AckResult)r),
        Gen.Choose(0, 65535).Select(r => (PspMessage)new StartMessage((ushort)r)),
        Gen.Constant((PspMessage)new StopMessage()),
        from p in Byte from d in Gen.Choose(0, 65535) from i in Byte select (PspMessage)new BuzzMessage((BuzzPattern)p, (ushort)d, i),
        Gen.Constant((PspMessage)new IdentifyMessage()),
        RawGen);

    private static readonly Gen<PspMessage> SeqMessageGen = from m in MessageGen from s in Seq select m with { Seq = s };

    private static List<PspMessage> Decode(byte[] bytes, IEnumerable<int> cuts, PspStreamDecoder? decoder = null)
    {
        decoder ??= new PspStreamDecoder();
        var result = new List<PspMessage>();
        int at = 0;
        foreach (int cut in cuts.Append(bytes.Length))
        {
            int end = Math.Clamp(cut, at, bytes.Length);
            ReadOnlySpan<byte> part = bytes.AsSpan(at, end - at);
            at = end;
            while (decoder.TryDecode(ref part, out PspFrame f))
            {
                result.Add(f.ToMessage());
            }
        }

        return result;
    }

    [Fact]
    public void DecodeOfEncode_IsIdentity_ForEveryType() =>
        Check.QuickThrowOnFailure(Prop.ForAll(SeqMessageGen.ToArbitrary(), m =>
            Decode(PspEncoder.Encode(m), []).SequenceEqual([m])));

    [Fact]
    public void RawDecodeOfEncode_IsIdentity_AndReadsWithoutTheMessage() =>
        Check.QuickThrowOnFailure(Prop.ForAll(RawGen.ToArbitrary(), Seq.ToArbitrary(), (m, seq) =>
        {
            var raw = (RawMessage)m with { Seq = seq };
            byte[] bytes = PspEncoder.Encode(raw);
            var decoder = new PspStreamDecoder();
            ReadOnlySpan<byte> input = bytes;
            if (!decoder.TryDecode(ref input, out PspFrame frame) || frame.RawSampleCount != raw.Samples.Length)
            {
                return false;
            }

            bool same = frame.RawImuMask == raw.ImuMask && frame.RawAccelFullScaleG == raw.AccelFullScaleG && frame.RawGyroFullScaleDps == raw.GyroFullScaleDps;
            for (int i = 0; i < raw.Samples.Length; i++)
            {
                same &= frame.GetRawSample(i) == raw.Samples[i];
            }

            return same && frame.ToMessage().Equals(raw);
        }));

    [Fact]
    public void AnySplitOfAStream_YieldsTheSameMessages() =>
        Check.QuickThrowOnFailure(Prop.ForAll(
            Gen.ArrayOf(SeqMessageGen).ToArbitrary(),
            Gen.ArrayOf(Gen.Choose(0, 4000)).ToArbitrary(),
            (messages, cuts) =>
            {
                byte[] bytes = messages.SelectMany(PspEncoder.Encode).ToArray();
                return Decode(bytes, cuts.Order()).SequenceEqual(messages);
            }));

    [Fact]
    public void RandomCorruption_NeverThrows_AndLosesOnlyTouchedFrames() =>
        Check.QuickThrowOnFailure(Prop.ForAll(
            Gen.ArrayOf(SeqMessageGen).Where(a => a.Length > 0).ToArbitrary(),
            Gen.ArrayOf(Gen.Choose(0, int.MaxValue)).ToArbitrary(),
            (messages, flips) =>
            {
                byte[][] frames = messages.Select(PspEncoder.Encode).ToArray();
                byte[] bytes = frames.SelectMany(f => f).ToArray();
                var touched = new HashSet<int>();
                int[] frameOf = frames.SelectMany((f, i) => Enumerable.Repeat(i, f.Length)).ToArray();
                foreach (int flip in flips)
                {
                    int at = flip % bytes.Length;
                    bytes[at] ^= (byte)(1 + (flip % 255));
                    touched.Add(frameOf[at]);

                    // A destroyed delimiter merges a frame with its successor.
                    if (frameOf[at] + 1 < frames.Length)
                    {
                        touched.Add(frameOf[at] + 1);
                    }
                }

                List<PspMessage> decoded = Decode(bytes, []);
                var untouched = messages.Where((_, i) => !touched.Contains(i)).ToList();
                // A corrupted frame whose CRC still checks by chance (1 in 65536) is the only way a stranger gets through.
                return untouched.All(decoded.Contains) && decoded.Count(m => !messages.Contains(m)) <= touched.Count;
            }));

    [Fact]
    public void AMillionRandomBytes_DecodeWithoutException()
    {
        var random = new Random(1234);
        byte[] noise = new byte[1_000_000];
        random.NextBytes(noise);
        noise[^1] = 0; // close the last block so every block is counted
        var decoder = new PspStreamDecoder();
        Decode(noise, Enumerable.Range(1, 999).Select(i => i * 1000), decoder);
        PspDecoderStats stats = decoder.Stats;
        Assert.Equal(noise.Length, stats.Bytes);

        // Every delimiter ends exactly one block, and every block is accounted for.
        long delimiters = noise.Count(b => b == 0);
        long blocks = stats.Frames + stats.EmptyFrames + stats.CobsErrors + stats.CrcErrors + stats.ShortBodies
            + stats.UnknownVersions + stats.UnknownTypes + stats.BadLengths + stats.OversizeBodies;
        Assert.Equal(delimiters, blocks);
    }
}
