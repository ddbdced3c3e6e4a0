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
    public void Estimate_SpellsOfSimilarDays_WidenTheIntervalOverIndependentDays()
    {
        // Four-day spells of +1 and −1: a mean of 16 such days knows less than 16 independent days would.
        var spells = Enumerable.Range(-16, 32).Select(i => (Start.AddDays(i), (i + 16) / 4 % 2 == 0 ? 1.0 : -1.0)).ToList();

        var independent = EffectEstimator.Estimate(spells, DailyMetric.StandingPelvicInclination, Start, null, new EffectOptions { Bandwidth = 0 });
        var autocorrelated = EffectEstimator.Estimate(spells, DailyMetric.StandingPelvicInclination, Start, null, new EffectOptions());

        Assert.Equal(independent.Difference, autocorrelated.Difference, 12);
        // The critical value alone widens it 1.26 times; the long-run variance (1.81 times the variance) the rest.
        Assert.InRange((autocorrelated.Upper - autocorrelated.Lower) / (independent.Upper - independent.Lower), 1.65, 1.75);
    }

    [Fact]
    public void Estimate_NoDayToDayAutocorrelationAllowed_IsStudentsTInterval()
    {
        double[] before = [1, 3, 2, 4, 0, 2, 3], after = [4, 2, 5, 3, 4, 6, 4];
        var series = before.Select((v, i) => (Start.AddDays(i - 7), v)).Concat(after.Select((v, i) => (Start.AddDays(i), v))).ToList();

        var effect = EffectEstimator.Estimate(series, DailyMetric.StandingPelvicInclination, Start, null, new EffectOptions { Bandwidth = 0 });

        // Pooled variance over 12 degrees of freedom, times 12/14 (the estimator divides by the days), t(12) and b = 1/7.
        double pooled = (before.Sum(v => Math.Pow(v - before.Average(), 2)) + after.Sum(v => Math.Pow(v - after.Average(), 2))) / 14;
        double half = (2.178813 + (2.9694 / 7) + (0.4160 / 49) - (0.5324 / 343)) * Math.Sqrt(pooled * 2 / 7);
        Assert.Equal(after.Average() - before.Average(), effect.Difference, 9);
        Assert.Equal(effect.Difference - half, effect.Lower, 3);
        Assert.Equal(effect.Difference + half, effect.Upper, 3);
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
        Assert.Equal(1.959964, Quantiles.NormalQuantile(0.95), 5);
        Assert.Equal(2.055529, Quantiles.TQuantile(0.95, 26), 3);
        Assert.Equal(2.776445, Quantiles.TQuantile(0.95, 4), 1);
        Assert.Equal(1.959964, Quantiles.FixedBandwidth95(0, 100_000), 4);
        Assert.Equal(2.055529 + (2.9694 * 0.25) + (0.4160 * 0.0625) - (0.5324 * 0.015625), Quantiles.FixedBandwidth95(0.25, 26), 3);
    }
}
