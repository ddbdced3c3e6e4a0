using PostureStream.Simulation.Weeks;
using PostureStream.Testing;

namespace PostureStream.Analysis.Tests;

/// <summary>
/// The evaluation harness's effect figures (`patterns`, Evaluation README) at a modest seed count: the same wearers,
/// the same 14 + 14 days, the same metric — the standing pelvic inclination of the daily neutrals.
/// </summary>
public sealed class FalseClaimRateTests
{
    private const int BaselineDays = 14, ProgrammeDays = 14;

    [Fact]
    public void NoTrueEffect_ChangeClaimedForAtMostFivePercentOfAHundredWearers()
    {
        // The bootstrap this replaced claimed a change for 6 of these 100 wearers (7.8 % of 400).
        int claimed = Enumerable.Range(1, 100).Count(seed => Estimate(seed, effectDegrees: 0).Verdict == EffectVerdict.Change);

        Assert.InRange(claimed, 0, 5);
    }

    [Fact]
    public void TrueThreeDegreeStep_FoundWithinFourteenDaysForAtLeastNinetyPercent()
    {
        var estimates = Enumerable.Range(1, 40).Select(seed => Estimate(seed, effectDegrees: 3)).ToList();

        Assert.InRange(estimates.Count(e => e.Verdict == EffectVerdict.Change && e.Lower > 0), 36, 40);
    }

    private static EffectEstimate Estimate(int seed, double effectDegrees)
    {
        var profile = new WeeksProfile
        {
            Type = (WearerType)(seed % 4),
            Days = BaselineDays + ProgrammeDays,
            ProgrammeStartDay = BaselineDays,
            EffectDegrees = effectDegrees,
        };
        var weeks = WeeksSimulator.Generate(profile, 10_000 + seed);
        var series = DailyMetrics.Series(SimulatedDays.Of(weeks), DailyMetric.StandingPelvicInclination);
        return EffectEstimator.Estimate(series, DailyMetric.StandingPelvicInclination, profile.FirstDay.AddDays(BaselineDays), null, new EffectOptions());
    }
}
