namespace PostureStream.Analysis.Tests;

public sealed class EffectEstimatorTests
{
    private static readonly DateOnly Start = new(2026, 3, 1);

    // Days around the start with a deterministic wobble of ±1° and an optional step at the start.
    private static List<(DateOnly Date, double Value)> Series(int before, int after, double step)
    {
        var random = new Random(7);
        return
        [
            .. Enumerable.Range(-before, before + after)
                .Select(i => (Start.AddDays(i), 10 + (i >= 0 ? step : 0) + ((random.NextDouble() * 2) - 1))),
        ];
    }

    [Fact]
    public void Estimate_AStep_IsAChangeWhoseIntervalHoldsIt()
    {
        var effect = EffectEstimator.Estimate(Series(14, 14, 3), DailyMetric.StandingPelvicInclination, Start, null, new EffectOptions());

        Assert.Equal(EffectVerdict.Change, effect.Verdict);
        Assert.InRange(3.0, effect.Lower, effect.Upper);
        Assert.InRange(effect.Difference, 2.4, 3.6);
        Assert.Equal(14, effect.DaysBefore);
        Assert.Equal(14, effect.DaysAfter);
    }

    [Fact]
    public void Estimate_NoStep_IsNoDistinguishableChange()
    {
        var effect = EffectEstimator.Estimate(Series(14, 14, 0), DailyMetric.StandingPelvicInclination, Start, null, new EffectOptions());

        Assert.Equal(EffectVerdict.NoDistinguishableChange, effect.Verdict);
        Assert.StartsWith("Standing pelvic tilt: no change distinguishable from day-to-day variation since 1 March", EffectWording.Sentence(effect), StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_TooFewDaysSinceTheStart_SaysNotEnoughDaysYet()
    {
        var effect = EffectEstimator.Estimate(Series(14, 5, 3), DailyMetric.StandingPelvicInclination, Start, null, new EffectOptions());

        Assert.Equal(EffectVerdict.NotEnoughDays, effect.Verdict);
        Assert.Equal("Standing pelvic tilt: not enough days yet (14 before and 5 since 1 March).", EffectWording.Sentence(effect));
    }

    [Fact]
    public void Estimate_SameDataAndSeed_SameInterval_OtherSeed_OtherInterval()
    {
        var series = Series(14, 14, 1);
        var a = EffectEstimator.Estimate(series, DailyMetric.StandingPelvicInclination, Start, null, new EffectOptions());
        var b = EffectEstimator.Estimate(series, DailyMetric.StandingPelvicInclination, Start, null, new EffectOptions());
        var c = EffectEstimator.Estimate(series, DailyMetric.StandingPelvicInclination, Start, null, new EffectOptions { Seed = 5 });

        Assert.Equal((a.Lower, a.Upper), (b.Lower, b.Upper));
        Assert.NotEqual((a.Lower, a.Upper), (c.Lower, c.Upper));
    }

    [Fact]
    public void Estimate_WeeksOfTheProgramme_GiveMeansAndATrend()
    {
        var ramp = Enumerable.Range(-14, 35).Select(i => (Start.AddDays(i), i < 0 ? 0.0 : i / 7 * 1.0)).ToList();

        var effect = EffectEstimator.Estimate(ramp, DailyMetric.StandingPelvicInclination, Start, null, new EffectOptions());

        Assert.Equal([0.0, 1.0, 2.0], effect.Weeks.Select(w => w.Mean));
        Assert.Equal(1.0, effect.SlopePerWeek!.Value, 9);
    }

    [Fact]
    public void Sentence_AChange_ReadsWithItsInterval()
    {
        var effect = new EffectEstimate(DailyMetric.StandingPelvicInclination, Start, 14, 14, 10, 13.1, 3.1, 1.9, 4.4, EffectVerdict.Change, [], null);

        Assert.Equal("Standing pelvic tilt +3.1° since 1 March, 95 % interval +1.9° to +4.4°.", EffectWording.Sentence(effect));
    }

    [Fact]
    public void Sentence_APercentMetric_ReadsInPoints()
    {
        var effect = new EffectEstimate(DailyMetric.SittingFlattenedShare, Start, 14, 14, 40, 30, -10, -14.2, -5.8, EffectVerdict.Change, [], null);

        Assert.Equal("Time flattened while sitting −10.0 points since 1 March, 95 % interval −14.2 points to −5.8 points.", EffectWording.Sentence(effect));
    }

    [Fact]
    public void Quantiles_MatchTheTables()
    {
        Assert.Equal(1.959964, EffectEstimator.NormalQuantile(0.95), 5);
        Assert.Equal(2.055529, EffectEstimator.TQuantile(0.95, 26), 3);
        Assert.Equal(2.776445, EffectEstimator.TQuantile(0.95, 4), 1);
    }
}
