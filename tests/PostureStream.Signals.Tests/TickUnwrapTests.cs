using PostureStream.Protocol;
using PostureStream.Testing;

namespace PostureStream.Signals.Tests;

public sealed class TickUnwrapTests
{
    private static readonly Func<int, (double, double, double, double)> Level = _ => (1, 2, 3, 4);

    [Fact]
    public void Unwrap_TickWrapsPastU32_StaysMonotonicWithoutMarks()
    {
        var messages = PspMessageBuilder.Batches(uint.MaxValue - 50_000, 100, 10_000, 16, Level);

        var samples = Frames.SamplesOf(Frames.Run(messages, s => s.UnwrapTicks()));

        Assert.Equal(100, samples.Count);
        Assert.Equal(SampleMarks.SegmentStart, samples[0].Marks);
        for (int i = 1; i < samples.Count; i++)
        {
            Assert.Equal(10_000, samples[i].DeviceMicroseconds - samples[i - 1].DeviceMicroseconds);
            Assert.Equal(SampleMarks.None, samples[i].Marks);
        }

        Assert.True(samples[^1].DeviceMicroseconds > uint.MaxValue);
    }

    [Fact]
    public void Unwrap_SmallStepBackwards_IsADeviceResetStartingANewSegment()
    {
        var before = PspMessageBuilder.Batches(5_000_000, 20, 10_000, 10, Level);
        var after = PspMessageBuilder.Batches(1_000, 20, 10_000, 10, Level);

        var samples = Frames.SamplesOf(Frames.Run(before.Concat(after), s => s.UnwrapTicks()));

        PostureSample reset = samples[20];
        Assert.Equal(SampleMarks.SegmentStart | SampleMarks.DeviceReset | SampleMarks.Gap | SampleMarks.LongGap, reset.Marks);
        Assert.Equal(samples[19].DeviceMicroseconds + 10_000, reset.DeviceMicroseconds);
        Assert.Equal(reset.DeviceMicroseconds + 10_000, samples[21].DeviceMicroseconds);
        Assert.Equal(SampleMarks.None, samples[21].Marks);
    }

    [Theory]
    [InlineData(30_000u, SampleMarks.None)]
    [InlineData(30_001u, SampleMarks.Gap)]
    [InlineData(10_000_000u, SampleMarks.Gap)]
    [InlineData(10_000_001u, SampleMarks.Gap | SampleMarks.LongGap)]
    public void Unwrap_TickStepOverThreePeriods_IsAGapWithItsLength(uint step, SampleMarks expected)
    {
        var messages = new PspMessage[]
        {
            PspMessageBuilder.Samples([1000, 11_000], _ => (1, 2, 3, 4)),
            PspMessageBuilder.Samples([11_000 + step], _ => (1, 2, 3, 4)),
        };

        var samples = Frames.SamplesOf(Frames.Run(messages, s => s.UnwrapTicks()));

        Assert.Equal(expected, samples[2].Marks);
        Assert.Equal(expected == SampleMarks.None ? 0 : step, samples[2].GapMicroseconds);
        Assert.Equal(11_000 + step, samples[2].DeviceMicroseconds);
    }

    [Fact]
    public void Unwrap_HelloSampleRate_SetsTheGapThresholdAndFrameRate()
    {
        var messages = new PspMessage[]
        {
            PspMessageBuilder.Hello(deviceId: 42, sampleRateHz: 25),
            PspMessageBuilder.Samples([0, 40_000, 160_000, 280_001], _ => (1, 2, 3, 4)),
        };

        List<PostureFrame> frames = Frames.Run(messages, s => s.UnwrapTicks());
        var samples = Frames.SamplesOf(frames);

        Assert.Equal(FrameKind.Hello, frames[0].Kind);
        Assert.Equal(42ul, frames[1].DeviceId);
        Assert.Equal(25, frames[1].SampleRateHz);
        Assert.Equal(SampleMarks.None, samples[2].Marks);
        Assert.Equal(SampleMarks.Gap, samples[3].Marks);
    }

    [Fact]
    public void Unwrap_EventTick_IsPlacedOnTheDeviceTimeline_AndStatusTakesTheLastSampleTime()
    {
        var messages = new PspMessage[]
        {
            PspMessageBuilder.Samples([uint.MaxValue - 5_000, 4_999], _ => (1, 2, 3, 4)),
            PspMessageBuilder.Event(9_999, DeviceEventCode.CalibrateRequest),
            PspMessageBuilder.Status(),
        };

        List<PostureFrame> frames = Frames.Run(messages, s => s.UnwrapTicks());

        Assert.Equal((long)uint.MaxValue + 10_000, frames[1].DeviceMicroseconds);
        Assert.Equal(frames[0].DeviceMicroseconds, frames[2].DeviceMicroseconds);
        Assert.IsType<EventMessage>(frames[1].Message);
    }

    [Fact]
    public void Unwrap_RawValues_AreDegreesAndNaNWhenNotAvailable()
    {
        var messages = new PspMessage[] { PspMessageBuilder.Samples([0], _ => (12.34, double.NaN, -5.5, 0.01)) };

        PostureSample s = Frames.SamplesOf(Frames.Run(messages, x => x.UnwrapTicks()))[0];

        Assert.Equal(12.34, s.Raw.LumbarPitchDegrees);
        Assert.True(double.IsNaN(s.Raw.LumbarRollDegrees));
        Assert.Equal(-5.5, s.Raw.PelvisPitchDegrees);
        Assert.Equal(0.01, s.Raw.PelvisRollDegrees);
    }
}
