using PostureStream.Cli.Run;
using PostureStream.Protocol.WitMotion;
using PostureStream.Signals.Wearers;

namespace PostureStream.Cli.Tests;

/// <summary>Two captures replayed at their own pace are handed on in arrival order, so a wearer's replay is deterministic.</summary>
public sealed class ArrivalOrderMergeTests
{
    private static WitMotionReading At(long micros) => new(micros, WitMotionReadingKind.Angle, 0, 0, 0, double.NaN);

    [Fact]
    public void ReadingsOfTwoSensors_ComeOutInArrivalOrder_WhateverOrderTheyCameIn()
    {
        var order = new List<(WearerSegment, long)>();
        var merge = new ArrivalOrderMerge((segment, reading) => order.Add((segment, reading.ArrivalMicroseconds)));

        // The lumbar replay runs ahead: nothing goes out until the pelvis catches up.
        merge.Reading(WearerSegment.Lumbar, At(10));
        merge.Reading(WearerSegment.Lumbar, At(30));
        merge.Reading(WearerSegment.Lumbar, At(50));
        Assert.Empty(order);

        merge.Reading(WearerSegment.Pelvis, At(20));
        merge.Reading(WearerSegment.Pelvis, At(40));
        Assert.Equal([(WearerSegment.Lumbar, 10L), (WearerSegment.Pelvis, 20L), (WearerSegment.Lumbar, 30L), (WearerSegment.Pelvis, 40L)], order);

        Assert.False(merge.Ended(WearerSegment.Pelvis));
        Assert.Equal((WearerSegment.Lumbar, 50L), order[^1]);
        merge.Reading(WearerSegment.Lumbar, At(60));
        Assert.True(merge.Ended(WearerSegment.Lumbar));
        Assert.Equal((WearerSegment.Lumbar, 60L), order[^1]);
        Assert.Equal(6, order.Count);
    }
}
