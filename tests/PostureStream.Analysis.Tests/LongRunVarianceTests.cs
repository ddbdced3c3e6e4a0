namespace PostureStream.Analysis.Tests;

public sealed class LongRunVarianceTests
{
    [Fact]
    public void Bartlett_NoLags_IsTheVarianceAroundEachPeriodsOwnMean()
    {
        // A step between the periods is not variance: each period is centred on its own mean.
        double variance = LongRunVariance.Bartlett([[1, 3, 1, 3], [11, 13, 11, 13]], bandwidth: 0);

        Assert.Equal(1.0, variance, 12);
    }

    [Fact]
    public void Bartlett_OneLag_WeighsTheLagOneAutocovarianceByAHalf_WithinPeriodsOnly()
    {
        // Deviations −1, −1, +1, +1 in each period: lag-1 products −1·−1 + −1·1 + 1·1 = 1 per period, over 8 days.
        double variance = LongRunVariance.Bartlett([[0, 0, 2, 2], [5, 5, 7, 7]], bandwidth: 1);

        Assert.Equal(1.0 + (2 * 0.5 * (2.0 / 8)), variance, 12);
    }

    [Theory]
    [InlineData(14, 2)]
    [InlineData(28, 3)]
    [InlineData(70, 3)]
    [InlineData(8, 2)]
    [InlineData(1, 1)]
    public void DefaultBandwidth_FollowsNeweyAndWestsRule(int days, int lags) =>
        Assert.Equal(lags, LongRunVariance.DefaultBandwidth(days));
}
