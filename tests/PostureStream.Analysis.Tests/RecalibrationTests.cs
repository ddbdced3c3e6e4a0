using PostureStream.Simulation.Weeks;
using PostureStream.Testing;

namespace PostureStream.Analysis.Tests;

public sealed class RecalibrationTests
{
    [Fact]
    public void EveryMetric_IsDescribedOnce_WithWhetherItSurvivesRecalibration()
    {
        Assert.Equal(Enum.GetValues<DailyMetric>().Order(), DailyMetrics.All.Select(m => m.Metric).Order());
        Assert.All(DailyMetrics.All, m => Assert.False(string.IsNullOrWhiteSpace(m.Why)));
    }

    [Fact]
    public void ATrueShiftOfStandingTilt_ShowsInTheNeutralSeries_ButIsAbsorbedByTheNaiveTilt()
    {
        var profile = new WeeksProfile { Days = 28, ProgrammeStartDay = 14, EffectDegrees = 4 };
        var days = SimulatedDays.Of(WeeksSimulator.Generate(profile, 3));
        var start = profile.FirstDay.AddDays(14);

        var neutral = EffectEstimator.Estimate(DailyMetrics.Series(days, DailyMetric.StandingPelvicInclination), DailyMetric.StandingPelvicInclination, start, null, new EffectOptions());
        var naive = EffectEstimator.Estimate(DailyMetrics.Series(days, DailyMetric.StandingPelvicTilt), DailyMetric.StandingPelvicTilt, start, null, new EffectOptions());

        Assert.Equal(EffectVerdict.Change, neutral.Verdict);
        Assert.InRange(4.0, neutral.Lower, neutral.Upper);
        Assert.InRange(naive.Difference, -1, 1);
        Assert.True(DailyMetrics.Describe(DailyMetric.StandingPelvicInclination).SurvivesRecalibration);
        Assert.False(DailyMetrics.Describe(DailyMetric.StandingPelvicTilt).SurvivesRecalibration);
    }
}
