namespace PostureStream.Storage.Tests.Grafana;

public sealed class GrafanaInterpolationTests
{
    [Fact]
    public void Interpolate_FillsTimeFilterIntervalAndVariableAsGrafanaDoes()
    {
        var from = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000).UtcDateTime;
        var to = from.AddHours(1);

        string query = GrafanaInterpolation.Interpolate(
            "SELECT mean(\"x\") FROM \"m\" WHERE \"device\" =~ /^$device$/ AND $timeFilter GROUP BY time($__interval) -- $__interval_ms",
            from, to, TimeSpan.FromSeconds(10), new Dictionary<string, string> { ["device"] = GrafanaInterpolation.RegexValue(["a.b", "c/d (e)"]) });

        Assert.Equal(
            "SELECT mean(\"x\") FROM \"m\" WHERE \"device\" =~ /^(a\\.b|c\\/d \\(e\\))$/ AND time >= 1700000000000ms and time <= 1700003600000ms GROUP BY time(10s) -- 10000",
            query);
        Assert.False(GrafanaInterpolation.HasUnfilledVariable(query));
    }

    [Fact]
    public void HasUnfilledVariable_SeesEachSyntax()
    {
        Assert.True(GrafanaInterpolation.HasUnfilledVariable("x = $device"));
        Assert.True(GrafanaInterpolation.HasUnfilledVariable("x = ${device}"));
        Assert.True(GrafanaInterpolation.HasUnfilledVariable("x = [[device]]"));
        Assert.False(GrafanaInterpolation.HasUnfilledVariable("x =~ /^a$/"));
    }
}
