using PostureStream.Protocol.WitMotion;
using PostureStream.Simulation.Scenarios;
using PostureStream.Simulation.WitMotion;

namespace PostureStream.Simulation.Tests;

/// <summary>The simulated sensors' samples as the packets a real WitMotion sensor sends, in bursts by arrival time.</summary>
public sealed class WitMotionPacketEncoderTests
{
    private static readonly SimulationPlan Plan = SimulationPlan.Create(ScenarioCatalog.Resolve(BuiltInScenarios.QuickDemo), 5);

    [Fact]
    public void BleBursts_HoldOneNotificationPerDeliveredSample_GroupedByArrival()
    {
        var model = new WitMotionSensorModel(Plan, SensorPlacement.Lumbar);
        List<WitMotionBurst> bursts = WitMotionPacketEncoder.Bursts(model, WitMotionWireFormat.Ble).ToList();
        List<PostureStream.Simulation.WitMotion.WitMotionReading> delivered = model.Readings().Where(r => r.IsDelivered).ToList();

        Assert.Equal(delivered.Count, bursts.Sum(b => b.Notifications.Count));
        Assert.Equal(delivered.Select(r => r.ArrivalTimeMicroseconds).Distinct().Count(), bursts.Count);
        Assert.True(bursts.Any(b => b.Notifications.Count > 1), "BLE connection intervals batch samples");
        var decoder = new WitMotionBleDecoder();
        var packets = new List<WitMotionBlePacket>();
        foreach (byte[] notification in bursts.SelectMany(b => b.Notifications))
        {
            decoder.Decode(notification, packets);
        }

        Assert.Equal(delivered.Select(r => r.Angle.Y), packets.Select(p => p.Pitch));
        Assert.Equal(0, decoder.Stats.Rejects);
    }

    [Fact]
    public void SerialBursts_DecodeToTheModelsCounts_WithQuaternions()
    {
        var model = new WitMotionSensorModel(Plan, SensorPlacement.Pelvis, new WitMotionSensorOptions { Link = WitMotionLinkProfile.Serial });
        byte[] stream = WitMotionPacketEncoder.Bursts(model, WitMotionWireFormat.Serial, quaternion: true).SelectMany(b => b.Notifications.Single()).ToArray();
        var decoder = new WitMotionSerialDecoder();
        var quaternions = new List<WitMotionPacket>();
        ReadOnlySpan<byte> bytes = stream;
        while (decoder.TryDecode(ref bytes, out WitMotionPacket packet))
        {
            if (packet.Type == WitMotionPacketType.Quaternion)
            {
                quaternions.Add(packet);
            }
        }

        List<PostureStream.Simulation.WitMotion.WitMotionReading> delivered = model.Readings().Where(r => r.IsDelivered).ToList();
        Assert.Equal(4 * delivered.Count, decoder.Stats.Packets);
        Assert.Equal(delivered.Select(r => r.Quaternion.W), quaternions.Select(q => q.Word0));
        Assert.Equal(0, decoder.Stats.ChecksumErrors);
    }

    /// <summary>With the TIME output on, each sample's packets follow a 0x50 packet that reads as the sensor's clock.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SerialBursts_WithTimePackets_CarryTheSensorClockBeforeEachSample(bool clockSet)
    {
        var model = new WitMotionSensorModel(Plan, SensorPlacement.Lumbar, new WitMotionSensorOptions { Link = WitMotionLinkProfile.Serial, TimePackets = true, ClockSet = clockSet });
        byte[] stream = WitMotionPacketEncoder.Bursts(model, WitMotionWireFormat.Serial).SelectMany(b => b.Notifications.Single()).ToArray();
        var decoder = new WitMotionSerialDecoder();
        var types = new List<WitMotionPacketType>();
        var clocks = new List<long>();
        ReadOnlySpan<byte> bytes = stream;
        while (decoder.TryDecode(ref bytes, out WitMotionPacket packet))
        {
            types.Add(packet.Type);
            if (packet.Type == WitMotionPacketType.Time)
            {
                Assert.True(WitMotionClock.TryRead(packet, out long micros, out bool hasDate));
                Assert.Equal(clockSet, hasDate);
                clocks.Add(micros);
            }
        }

        List<PostureStream.Simulation.WitMotion.WitMotionReading> delivered = model.Readings().Where(r => r.IsDelivered).ToList();
        Assert.Equal([WitMotionPacketType.Time, WitMotionPacketType.Acceleration, WitMotionPacketType.AngularVelocity, WitMotionPacketType.Angle], types.Take(4));
        Assert.Equal(4 * delivered.Count, types.Count);
        Assert.Equal(delivered.Select(r => r.SensorClockMicroseconds!.Value), clocks);

        // The sensor's own time runs at its nominal period (its oscillator drives both), in whole ms.
        Assert.All(delivered.Zip(delivered.Skip(1)), p => Assert.Equal((p.Second.Index - p.First.Index) * 20_000, p.Second.SensorClockMicroseconds!.Value - p.First.SensorClockMicroseconds!.Value, 1000.0));
        Assert.All(clocks, c => Assert.Equal(0, c % 1000));
        Assert.Equal(clockSet, clocks[0] >= (long)TimeSpan.FromDays(9497).TotalMicroseconds);
    }

    [Fact]
    public void SensorClock_IsOffByDefault()
    {
        var model = new WitMotionSensorModel(Plan, SensorPlacement.Lumbar);
        Assert.All(model.Readings().Take(100), r => Assert.Null(r.SensorClockMicroseconds));
    }

    [Fact]
    public void Merge_InterleavesBothSensorsInArrivalOrder()
    {
        IEnumerable<WitMotionBurst> lumbar = WitMotionPacketEncoder.Bursts(new WitMotionSensorModel(Plan, SensorPlacement.Lumbar), WitMotionWireFormat.Ble);
        IEnumerable<WitMotionBurst> pelvis = WitMotionPacketEncoder.Bursts(new WitMotionSensorModel(Plan, SensorPlacement.Pelvis), WitMotionWireFormat.Ble);
        List<WitMotionBurst> merged = WitMotionPacketEncoder.Merge(lumbar, pelvis).ToList();

        Assert.Equal(lumbar.Count() + pelvis.Count(), merged.Count);
        Assert.True(merged.Zip(merged.Skip(1)).All(p => p.First.ArrivalMicroseconds <= p.Second.ArrivalMicroseconds));
        Assert.Contains(merged, b => b.Placement == SensorPlacement.Lumbar);
        Assert.Contains(merged, b => b.Placement == SensorPlacement.Pelvis);
    }
}
