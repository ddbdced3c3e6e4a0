using PostureStream.Protocol.WitMotion;
using static PostureStream.Protocol.Tests.WitMotion.WitMotionVectors;

namespace PostureStream.Protocol.Tests.WitMotion;

public sealed class WitMotionBleDecoderTests
{
    [Fact]
    public void Decode_DatasheetVector_GivesThreeReadings()
    {
        var decoder = new WitMotionBleDecoder();
        var packets = new List<WitMotionBlePacket>();
        Assert.Equal(1, decoder.Decode(Hex(Ble), packets));
        var readings = new List<WitMotionReading>();
        WitMotionReading.FromBlePacket(packets[0], 99, readings);
        Assert.Equal(
            [
                (WitMotionReadingKind.Acceleration, 0.0, 0.0, 1.0),
                (WitMotionReadingKind.AngularVelocity, 15.625, 0.0, 0.0),
                (WitMotionReadingKind.Angle, 22.5, -22.5, 90.0),
            ],
            readings.Select(r => (r.Kind, r.X, r.Y, r.Z)));
        Assert.All(readings, r => Assert.Equal(99, r.ArrivalMicroseconds));
        Assert.Equal(Hex(Ble), WitMotionEncoder.EncodeBle(packets[0]));
    }

    [Fact]
    public void Decode_TwoPacketsInOneNotification_GivesBoth()
    {
        var packets = new List<WitMotionBlePacket>();
        Assert.Equal(2, new WitMotionBleDecoder().Decode([.. Hex(Ble), .. Hex(Ble)], packets));
    }

    [Theory]
    [InlineData(19)]
    [InlineData(21)]
    [InlineData(0)]
    public void Decode_NotWholePackets_IsABadLength(int length)
    {
        byte[] bytes = [.. Hex(Ble), .. Hex(Ble)];
        var decoder = new WitMotionBleDecoder();
        Assert.Equal(0, decoder.Decode(bytes.AsSpan(0, length), new List<WitMotionBlePacket>()));
        Assert.Equal((1L, 1L, 0L), (decoder.Stats.BadLengths, decoder.Stats.Rejects, decoder.Stats.Packets));
    }

    [Fact]
    public void Decode_EachRejectKind_IsCountedByReason()
    {
        byte[] badHeader = Hex(Ble);
        badHeader[0] = 0x54;
        byte[] unknownFlag = Hex(Ble);
        unknownFlag[1] = 0x62;
        byte[] register = Hex(Ble);
        register[1] = 0x71;
        byte[] steepPitch = Hex(Ble);
        steepPitch[16] = 0x00;
        steepPitch[17] = 0x48; // pitch 0x4800 = 101.25°
        byte[] allZero = new byte[20];
        allZero[0] = 0x55;
        allZero[1] = 0x61;
        var decoder = new WitMotionBleDecoder();
        var packets = new List<WitMotionBlePacket>();
        foreach (byte[] notification in new[] { badHeader, unknownFlag, register, steepPitch, allZero, Hex(Ble) })
        {
            decoder.Decode(notification, packets);
        }

        WitMotionBleStats s = decoder.Stats;
        Assert.Single(packets);
        Assert.Equal((6L, 1L, 1L, 1L, 1L, 2L, 4L), (s.Notifications, s.Packets, s.BadHeaders, s.UnknownFlags, s.RegisterReplies, s.Implausible, s.Rejects));
    }

    [Fact]
    public void Plausibility_AllowsPitchAtNinetyDegrees()
    {
        var packet = new WitMotionBlePacket(0, 2048, 0, 0, 0, 0, 0, 16384, 0);
        Assert.True(WitMotionBleDecoder.IsPlausible(packet));
        Assert.False(WitMotionBleDecoder.IsPlausible(packet with { Pitch = 16384 + 200 }));
    }
}
