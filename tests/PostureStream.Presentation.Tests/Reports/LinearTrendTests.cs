using PostureStream.Presentation.Reports;

namespace PostureStream.Presentation.Tests.Reports;

public sealed class LinearTrendTests
{
    [Fact]
    public void Fit_OfPointsOnALine_RecoversSlopeAndIntercept()
    {
        var trend = LinearTrend.Fit([(0, 3), (1, 2.5), (2, 2), (4, 1)]);

        Assert.NotNull(trend);
        Assert.Equal(-0.5, trend.Value.SlopePerDay, 9);
        Assert.Equal(3, trend.Value.Intercept, 9);
        Assert.Equal("pelvic tilt fell 3.5° per week", trend.Value.Describe("pelvic tilt"));
    }

    [Fact]
    public void Fit_OfNoisyPoints_IsTheLeastSquaresLine()
    {
        // y = 1 + 2x with residuals +1, -1, -1, +1 (orthogonal to 1 and x): the fit is exact.
        var trend = LinearTrend.Fit([(0, 2), (1, 2), (2, 4), (3, 8)]);

        Assert.Equal(2, trend!.Value.SlopePerDay, 9);
        Assert.Equal(1, trend.Value.Intercept, 9);
    }

    [Fact]
    public void Fit_WithFewerThanTwoDistinctDays_IsNull()
    {
        Assert.Null(LinearTrend.Fit([(1, 2)]));
        Assert.Null(LinearTrend.Fit([(1, 2), (1, 3)]));
    }

    [Fact]
    public void Describe_TinySlope_IsSteady()
    {
        var trend = new LinearTrend(0.001, 0, 7);

        Assert.StartsWith("lordosis delta held steady", trend.Describe("lordosis delta"), StringComparison.Ordinal);
    }
}
