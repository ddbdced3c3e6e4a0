using FsCheck;
using FsCheck.Fluent;
using PostureStream.Protocol.WitMotion;

namespace PostureStream.Protocol.Tests.WitMotion;

/// <summary>FsCheck properties of the WitMotion codecs: round trips, any chunking, garbage and corruption.</summary>
public sealed class WitMotionPropertyTests
{
    private static readonly Gen<short> Word = Gen.Choose(short.MinValue, short.MaxValue).Select(i => (short)i);

    private static readonly Gen<WitMotionPacket> PacketGen =
        from type in Gen.Elements(WitMotionPacketType.Time, WitMotionPacketType.Acceleration, WitMotionPacketType.AngularVelocity, WitMotionPacketType.Angle, WitMotionPacketType.Quaternion)
        from a in Word
        from b in Word
        from c in Word
        from d in Word
        select new WitMotionPacket(type, a, b, c, d);

    /// <summary>Garbage a serial line can carry between packets: anything but 0x55, so it cannot start a packet.</summary>
    private static readonly Gen<byte[]> Garbage = Gen.ArrayOf(Gen.Choose(0, 255).Where(b => b != 0x55).Select(b => (byte)b));

    private static List<WitMotionPacket> Decode(byte[] bytes, IEnumerable<int> cuts, WitMotionSerialDecoder? decoder = null)
    {
        decoder ??= new WitMotionSerialDecoder();
        var result = new List<WitMotionPacket>();
        int at = 0;
        foreach (int cut in cuts.Append(bytes.Length))
        {
            int end = Math.Clamp(cut, at, bytes.Length);
            ReadOnlySpan<byte> part = bytes.AsSpan(at, end - at);
            at = end;
            while (decoder.TryDecode(ref part, out WitMotionPacket p))
            {
                result.Add(p);
            }
        }

        return result;
    }

    [Fact]
    public void DecodeOfEncode_IsIdentity() =>
        Check.QuickThrowOnFailure(Prop.ForAll(PacketGen.ToArbitrary(), p =>
            Decode(WitMotionEncoder.EncodeSerial(p), []).SequenceEqual([p])));

    [Fact]
    public void AnySplitOfAStream_YieldsTheSamePackets() =>
        Check.QuickThrowOnFailure(Prop.ForAll(
            Gen.ArrayOf(PacketGen).ToArbitrary(),
            Gen.ArrayOf(Gen.Choose(0, 2000)).ToArbitrary(),
            (packets, cuts) => Decode(packets.SelectMany(p => WitMotionEncoder.EncodeSerial(p)).ToArray(), cuts.Order()).SequenceEqual(packets)));

    [Fact]
    public void GarbageBetweenPackets_LosesNothing() =>
        Check.QuickThrowOnFailure(Prop.ForAll(
            Gen.ArrayOf(PacketGen.SelectMany(p => Garbage.Select(g => (p, g)))).ToArbitrary(),
            items =>
            {
                byte[] bytes = items.SelectMany(i => i.g.Concat(WitMotionEncoder.EncodeSerial(i.p))).ToArray();
                var decoder = new WitMotionSerialDecoder();
                bool same = Decode(bytes, [], decoder).SequenceEqual(items.Select(i => i.p));
                return same && decoder.Stats.DiscardedBytes == items.Sum(i => i.g.Length) && decoder.Stats.ChecksumErrors == 0;
            }));

    [Fact]
    public void RandomCorruption_NeverThrows_AndLosesOnlyTouchedPackets() =>
        Check.QuickThrowOnFailure(Prop.ForAll(
            Gen.ArrayOf(PacketGen).Where(a => a.Length > 0).ToArbitrary(),
            Gen.ArrayOf(Gen.Choose(0, int.MaxValue)).ToArbitrary(),
            (packets, flips) =>
            {
                byte[] bytes = packets.SelectMany(p => WitMotionEncoder.EncodeSerial(p)).ToArray();
                var touched = new HashSet<int>();
                foreach (int flip in flips)
                {
                    int at = flip % bytes.Length;
                    bytes[at] ^= (byte)(1 + (flip % 255));
                    int packet = at / WitMotionLayout.SerialPacketLength;
                    // A corrupt packet can swallow the start of the next while the decoder looks for its own end.
                    touched.UnionWith([packet, packet + 1]);
                }

                List<WitMotionPacket> decoded = Decode(bytes, []);
                var untouched = packets.Where((_, i) => !touched.Contains(i)).ToList();
                return untouched.All(decoded.Contains);
            }));

    [Fact]
    public void AMillionRandomBytes_DecodeWithoutException_AndEveryByteIsCounted()
    {
        var random = new Random(1234);
        byte[] noise = new byte[1_000_000];
        random.NextBytes(noise);
        var decoder = new WitMotionSerialDecoder();
        List<WitMotionPacket> packets = Decode(noise, Enumerable.Range(1, 999).Select(i => i * 1000), decoder);
        WitMotionDecoderStats s = decoder.Stats;
        Assert.Equal(noise.Length, s.Bytes);
        Assert.Equal(packets.Count, s.Packets);
        // Every byte was discarded, taken into a packet, or is still waiting in the buffer (at most one packet).
        long used = ((s.Packets + s.SkippedTypes) * WitMotionLayout.SerialPacketLength) + s.DiscardedBytes;
        Assert.InRange(noise.Length - used, 0, WitMotionLayout.SerialPacketLength - 1);
    }

    [Fact]
    public void BleDecodeOfEncode_IsIdentity_ForPlausiblePackets() =>
        Check.QuickThrowOnFailure(Prop.ForAll(
            (from w in Gen.ArrayOf(Word, 9) select new WitMotionBlePacket(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8])).ToArbitrary(),
            packet =>
            {
                var decoded = new List<WitMotionBlePacket>();
                new WitMotionBleDecoder().Decode(WitMotionEncoder.EncodeBle(packet), decoded);
                return WitMotionBleDecoder.IsPlausible(packet) ? decoded.SequenceEqual([packet]) : decoded.Count == 0;
            }));
}
