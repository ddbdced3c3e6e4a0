using PostureStream.Protocol;

namespace PostureStream.Protocol.Tests;

public sealed class TickUnwrapperTests
{
    [Fact]
    public void FirstTick_StartsTheTimelineAtItsValue()
    {
        var ticks = new TickUnwrapper();
        Assert.Null(ticks.LastTick);
        Assert.Equal(TickStep.First, ticks.Advance(123_456, 10_000, out long step));
        Assert.Equal((0L, 123_456L, 123_456u), (step, ticks.DeviceMicroseconds, ticks.LastTick!.Value));
    }

    [Fact]
    public void WrapPastTwoToThe32_KeepsCountingForward()
    {
        var ticks = new TickUnwrapper();
        ticks.Advance(uint.MaxValue - 4_999, 10_000, out _);
        Assert.Equal(TickStep.Forward, ticks.Advance(5_000, 10_000, out long step));
        Assert.Equal(10_000, step);
        Assert.Equal((long)uint.MaxValue + 5_001, ticks.DeviceMicroseconds);
    }

    [Theory]
    [InlineData(1_000_000u, 990_000u, 0L)]
    [InlineData(1_000_000u, 990_000u, 10_000L)]
    [InlineData(3_000_000_000u, 900_000_001u, 10_000L)] // back by just under half the range: still a reset
    public void StepBackwardsOfAtMostHalfTheRange_IsAReset_MovingOnByTheGivenStep(uint first, uint second, long resetStep)
    {
        var ticks = new TickUnwrapper();
        ticks.Advance(first, resetStep, out _);
        Assert.Equal(TickStep.Reset, ticks.Advance(second, resetStep, out long step));
        Assert.Equal(resetStep, step);
        Assert.Equal(first + resetStep, ticks.DeviceMicroseconds);
        ticks.Advance(second + 10_000, resetStep, out step);
        Assert.Equal((10_000L, first + resetStep + 10_000), (step, ticks.DeviceMicroseconds));
    }

    [Fact]
    public void Peek_PlacesAnEventTick_WithoutMovingTheTimeline()
    {
        var ticks = new TickUnwrapper();
        Assert.Equal(42, ticks.Peek(42));
        ticks.Advance(1_000_000, 10_000, out _);
        Assert.Equal(1_002_000, ticks.Peek(1_002_000));
        Assert.Equal(999_000, ticks.Peek(999_000));
        Assert.Equal(0, ticks.Peek(0));
        Assert.Equal(1_000_000, ticks.DeviceMicroseconds);
    }
}
