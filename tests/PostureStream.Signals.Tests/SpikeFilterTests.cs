using PostureStream.Testing;

namespace PostureStream.Signals.Tests;

public sealed class SpikeFilterTests
{
    [Fact]
    public void Median_RemovesSingleSampleSpikes()
    {
        var median = default(RunningMedian5);
        double[] input = [10, 10.1, 10.2, 90, 10.3, 10.4, -50, 10.5, 10.6, 10.7];
        double[] output = [.. input.Select(median.Push)];

        Assert.All(output, y => Assert.InRange(y, 9.9, 10.8));
    }

    [Fact]
    public void Median5_IsTheMiddleValue_ForEveryOrderAndAnyValues()
    {
        foreach (int[] p in Permutations([1, 2, 3, 4, 5]))
        {
            Assert.Equal(3, RunningMedian5.Median5(p[0], p[1], p[2], p[3], p[4]));
        }

        FsCheck.Check.QuickThrowOnFailure(FsCheck.Fluent.Prop.ForAll<FsCheck.NormalFloat[]>(values =>
        {
            double[] v = [.. values.Take(5).Select(x => x.Item)];
            if (v.Length < 5)
            {
                return true;
            }

            double[] sorted = [.. v.Order()];
            return RunningMedian5.Median5(v[0], v[1], v[2], v[3], v[4]) == sorted[2];
        }));
    }

    [Fact]
    public void Median_FollowsASteadyRampWithTwoSamplesDelay()
    {
        var median = default(RunningMedian5);
        double last = 0;
        for (int i = 0; i < 20; i++)
        {
            last = median.Push(i);
        }

        Assert.Equal(17, last);
    }

    [Fact]
    public void RemoveSpikes_KeepsDespikedPelvisPitchBeforeTheLowPass()
    {
        var messages = PspMessageBuilder.Batches(0, 50, 10_000, 10, i => (1, 2, i == 20 ? 60 : 5, 3));

        var samples = Frames.SamplesOf(Frames.Run(messages, s => s.UnwrapTicks().RemoveSpikes()));

        Assert.All(samples, s => Assert.Equal(5.0, s.PelvisPitchDespikedDegrees));
        Assert.Equal(60.0, samples[20].Raw.PelvisPitchDegrees);
    }

    [Fact]
    public void LowPass_RestartsAfterAGap_WithoutCarryingTheOldLevel()
    {
        // 10° for 2 s, a 1 s gap, then 40°: the first sample after the gap must already read 40°.
        var before = PspMessageBuilder.Batches(0, 200, 10_000, 10, _ => (10, 0, 10, 0));
        var after = PspMessageBuilder.Batches(3_000_000, 50, 10_000, 10, _ => (40, 0, 40, 0));

        var samples = Frames.SamplesOf(Frames.Run(before.Concat(after), s => s.UnwrapTicks().RemoveSpikes().LowPass()));

        PostureSample first = samples[200];
        Assert.True(first.IsAfterGap);
        Assert.Equal(40.0, first.Filtered.LumbarPitchDegrees, 9);
        Assert.All(samples.Skip(200), s => Assert.Equal(40.0, s.Filtered.PelvisPitchDegrees, 9));
    }

    [Fact]
    public void LowPass_ConstantStream_HasNoStartTransient()
    {
        var messages = PspMessageBuilder.Batches(1234, 300, 10_000, 16, _ => (-12.5, 3.25, 7.75, -1));

        var samples = Frames.SamplesOf(Frames.Run(messages, s => s.UnwrapTicks().RemoveSpikes().LowPass()));

        Assert.All(samples, s => Assert.Equal(new SensorAngles(-12.5, 3.25, 7.75, -1), Rounded(s.Filtered)));
    }

    private static IEnumerable<int[]> Permutations(int[] items) =>
        items.Length == 1 ? [items] : items.SelectMany(x => Permutations([.. items.Where(y => y != x)]).Select(rest => (int[])[x, .. rest]));

    private static SensorAngles Rounded(SensorAngles a) =>
        new(Math.Round(a.LumbarPitchDegrees, 9), Math.Round(a.LumbarRollDegrees, 9), Math.Round(a.PelvisPitchDegrees, 9), Math.Round(a.PelvisRollDegrees, 9));
}
