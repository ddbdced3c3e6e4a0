using PostureStream.Protocol.WitMotion;
using static PostureStream.Protocol.Tests.WitMotion.WitMotionVectors;

namespace PostureStream.Protocol.Tests.WitMotion;

public sealed class WitMotionSerialDecoderTests
{
    internal static List<WitMotionPacket> DecodeAll(WitMotionSerialDecoder decoder, ReadOnlySpan<byte> bytes, int chunk = int.MaxValue)
    {
        var packets = new List<WitMotionPacket>();
        while (!bytes.IsEmpty)
        {
            ReadOnlySpan<byte> part = bytes[..Math.Min(chunk, bytes.Length)];
            bytes = bytes[part.Length..];
            while (decoder.TryDecode(ref part, out WitMotionPacket packet))
            {
                packets.Add(packet);
            }
        }

        return packets;
    }

    [Theory]
    [InlineData(Angle, WitMotionReadingKind.Angle, 22.5, -22.5, 90.0)]
    [InlineData(Acceleration, WitMotionReadingKind.Acceleration, 0.0, 0.0, 1.0)]
    [InlineData(AngularVelocity, WitMotionReadingKind.AngularVelocity, 15.625, 0.0, 0.0)]
    public void Decode_DatasheetVector_GivesItsValues(string hex, WitMotionReadingKind kind, double x, double y, double z)
    {
        var decoder = new WitMotionSerialDecoder();
        WitMotionPacket packet = Assert.Single(DecodeAll(decoder, Hex(hex)));
        WitMotionReading reading = WitMotionReading.FromPacket(packet, 1234, null)!.Value;
        Assert.Equal((kind, x, y, z, 1234L), (reading.Kind, reading.X, reading.Y, reading.Z, reading.ArrivalMicroseconds));
        Assert.Equal(1, decoder.Stats.Packets);
        Assert.Equal(11, decoder.Stats.Bytes);
    }

    [Fact]
    public void Decode_QuaternionVector_PutsQ0InW()
    {
        WitMotionPacket packet = Assert.Single(DecodeAll(new WitMotionSerialDecoder(), Hex(Quaternion)));
        WitMotionReading reading = WitMotionReading.FromPacket(packet, 0, null)!.Value;
        Assert.Equal(32767 / 32768.0, reading.W);
        Assert.Equal((0.0, 0.0, 0.0), (reading.X, reading.Y, reading.Z));
    }

    [Fact]
    public void Decode_TimeVector_IsTheSensorClock()
    {
        WitMotionPacket packet = Assert.Single(DecodeAll(new WitMotionSerialDecoder(), Hex(Time)));
        Assert.True(WitMotionClock.TryRead(packet, out long micros));
        var expected = new DateTime(2026, 12, 3, 13, 7, 49, 500, DateTimeKind.Unspecified) - new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        Assert.Equal(expected.Ticks / 10, micros);
        Assert.Null(WitMotionReading.FromPacket(packet, 0, micros));
        Assert.Equal(Hex(Time), WitMotionEncoder.EncodeSerial(WitMotionClock.ToPacket(micros)));
    }

    [Theory]
    [InlineData("55 50 1A 0C 03 18 07 31 F4 01 00")] // hour 24
    [InlineData("55 50 1A 0C 03 0D 3C 31 F4 01 00")] // minute 60
    [InlineData("55 50 1A 0C 03 0D 07 3C F4 01 00")] // second 60
    [InlineData("55 50 1A 0C 03 0D 07 31 E8 03 00")] // ms 1000
    public void Decode_TimeOfDayOutOfRange_IsNoClock(string hex)
    {
        byte[] bytes = Hex(hex);
        bytes[^1] = WitMotionLayout.Checksum(bytes);
        WitMotionPacket packet = Assert.Single(DecodeAll(new WitMotionSerialDecoder(), bytes));
        Assert.False(WitMotionClock.TryRead(packet, out _));
    }

    /// <summary>A clock nobody set: no date (zeros, or month 13), but the time of day still counts, on 2000-01-01.</summary>
    [Theory]
    [InlineData("55 50 00 00 00 0D 07 31 F4 01 00")]
    [InlineData("55 50 1A 0D 03 0D 07 31 F4 01 00")]
    [InlineData("55 50 17 02 1E 0D 07 31 F4 01 00")] // 2023-02-30
    public void Decode_TimeWithoutADate_IsARelativeClock(string hex)
    {
        byte[] bytes = Hex(hex);
        bytes[^1] = WitMotionLayout.Checksum(bytes);
        WitMotionPacket packet = Assert.Single(DecodeAll(new WitMotionSerialDecoder(), bytes));
        Assert.True(WitMotionClock.TryRead(packet, out long micros, out bool hasDate));
        Assert.False(hasDate);
        Assert.Equal(((((13 * 60) + 7) * 60) + 49) * 1_000_000L + 500_000, micros);
    }

    [Fact]
    public void Encode_ClockWithoutDate_WritesZerosForTheDate()
    {
        long micros = (new DateTime(2026, 12, 3, 13, 7, 49, 500, DateTimeKind.Unspecified) - new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified)).Ticks / 10;
        byte[] bytes = WitMotionEncoder.EncodeSerial(WitMotionClock.ToPacket(micros, withoutDate: true));
        Assert.Equal(Hex("55 50 00 00 00 0D 07 31 F4 01 DF"), bytes);
    }

    [Theory]
    [InlineData(Angle)]
    [InlineData(Acceleration)]
    [InlineData(AngularVelocity)]
    [InlineData(Quaternion)]
    [InlineData(Time)]
    public void Encode_DatasheetVector_IsByteExact(string hex)
    {
        WitMotionPacket packet = WitMotionPacket.Read(Hex(hex));
        Assert.Equal(Hex(hex), WitMotionEncoder.EncodeSerial(packet));
    }

    [Fact]
    public void Encode_FromUnits_MatchesTheVectors()
    {
        Assert.Equal(Hex(Angle), WitMotionEncoder.EncodeSerial(WitMotionEncoder.Angle(22.5, -22.5, 90)));
        Assert.Equal(Hex(Acceleration), WitMotionEncoder.EncodeSerial(WitMotionEncoder.Acceleration(0, 0, 1)));
        Assert.Equal(Hex(AngularVelocity), WitMotionEncoder.EncodeSerial(WitMotionEncoder.AngularVelocity(15.625, 0, 0)));
    }

    [Fact]
    public void Decode_SkippedType_IsCountedNotHandedOut()
    {
        var decoder = new WitMotionSerialDecoder();
        List<WitMotionPacket> packets = DecodeAll(decoder, [.. Hex(Magnetic), .. Hex(Angle)]);
        Assert.Equal(WitMotionPacketType.Angle, Assert.Single(packets).Type);
        Assert.Equal(1, decoder.Stats.SkippedTypes);
        Assert.Equal(0, decoder.Stats.ChecksumErrors + decoder.Stats.Resyncs);
    }

    [Fact]
    public void Decode_SplitAtEveryOffset_YieldsSamePackets()
    {
        byte[] bytes = [.. Hex(Time), .. Hex(Acceleration), .. Hex(AngularVelocity), .. Hex(Angle), .. Hex(Magnetic), .. Hex(Quaternion)];
        List<WitMotionPacket> whole = DecodeAll(new WitMotionSerialDecoder(), bytes);
        Assert.Equal(5, whole.Count);
        for (int chunk = 1; chunk <= bytes.Length; chunk++)
        {
            Assert.Equal(whole, DecodeAll(new WitMotionSerialDecoder(), bytes, chunk));
        }
    }

    [Fact]
    public void Decode_BadChecksum_IsCountedAndTheNextPacketDecodes()
    {
        byte[] bad = Hex(Angle);
        bad[4] ^= 0x01;
        var decoder = new WitMotionSerialDecoder();
        List<WitMotionPacket> packets = DecodeAll(decoder, [.. Hex(Acceleration), .. bad, .. Hex(Angle), .. Hex(AngularVelocity)]);
        Assert.Equal([WitMotionPacketType.Acceleration, WitMotionPacketType.Angle, WitMotionPacketType.AngularVelocity], packets.Select(p => p.Type));
        Assert.Equal(1, decoder.Stats.ChecksumErrors);
        Assert.Equal(1, decoder.Stats.Resyncs);
        Assert.Equal(11, decoder.Stats.DiscardedBytes);
    }

    [Fact]
    public void Decode_GarbageBeforeAndBetween_IsDiscardedAndCounted()
    {
        byte[] garbage = [0x00, 0x55, 0x00, 0x13, 0x55, 0xAA]; // 0x55 then no output type: no packet start
        var decoder = new WitMotionSerialDecoder();
        List<WitMotionPacket> packets = DecodeAll(decoder, [.. garbage, .. Hex(Angle), .. garbage, .. Hex(Acceleration)]);
        Assert.Equal([WitMotionPacketType.Angle, WitMotionPacketType.Acceleration], packets.Select(p => p.Type));
        Assert.Equal(2 * garbage.Length, decoder.Stats.DiscardedBytes);
        Assert.Equal(2, decoder.Stats.Resyncs);
        Assert.Equal(0, decoder.Stats.ChecksumErrors);
    }

    [Fact]
    public void Decode_PacketStartInsideATornPacket_IsFound()
    {
        // A packet cut after 6 bytes (a reconnect mid-packet), then whole ones: the torn bytes cost one checksum error at most.
        var decoder = new WitMotionSerialDecoder();
        List<WitMotionPacket> packets = DecodeAll(decoder, [.. Hex(Angle)[..6], .. Hex(Acceleration), .. Hex(Angle)]);
        Assert.Equal([WitMotionPacketType.Acceleration, WitMotionPacketType.Angle], packets.Select(p => p.Type));
    }

    [Fact]
    public void ResetStream_DropsAPartialPacket()
    {
        var decoder = new WitMotionSerialDecoder();
        Assert.Empty(DecodeAll(decoder, Hex(Angle)[..7]));
        decoder.ResetStream();
        Assert.Equal(WitMotionPacketType.Acceleration, Assert.Single(DecodeAll(decoder, Hex(Acceleration))).Type);
    }

    [Fact]
    public void StatsDifference_IsTheInterval()
    {
        var decoder = new WitMotionSerialDecoder();
        DecodeAll(decoder, Hex(Angle));
        WitMotionDecoderStats before = decoder.Stats;
        DecodeAll(decoder, [0x01, .. Hex(Angle)]);
        WitMotionDecoderStats interval = decoder.Stats - before;
        Assert.Equal((1L, 12L, 1L, 1L), (interval.Packets, interval.Bytes, interval.DiscardedBytes, interval.Resyncs));
    }
}
