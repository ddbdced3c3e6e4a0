using PostureStream.Testing;

namespace PostureStream.Cli.Tests;

/// <summary>
/// Bad configuration of <c>run</c> is exit 2 with a message naming the bad value and what would be valid (README, using it).
/// Bad sources and flattening thresholds are in <see cref="RunReplayTests"/>; a store that is down is not a
/// configuration error (EndToEnd.StoreOutageTests).
/// </summary>
[Collection(ProcessState.Collection)]
public sealed class RunConfigurationErrorTests : IDisposable
{
    private readonly TempDirectory _dir = new("ps-run-config-");

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("influxdb-v9:http://127.0.0.1:8086?db=d", "has no known scheme; valid: sqlite:PATH")]
    [InlineData("influxdb-v2:http://127.0.0.1:8086?org=o", "influxdb-v2 needs bucket=NAME")]
    [InlineData("influxdb-v1:http://127.0.0.1:8086", "influxdb-v1 needs db=NAME")]
    [InlineData("influxdb-v1:ftp://127.0.0.1:8086?db=d", "is not an http:// or https:// URL")]
    [InlineData("sqlite:", "names no file")]
    public async Task Run_BadStoreUri_NamesItAndExitsWithUsageCode(string store, string expected)
    {
        (int exit, string errors) = await StandardErrorCapture.RunAsync(() => Program.Main(
            ["run", "--source", "sim:quick-demo?speed=max", "--store", store, "--data-dir", _dir.Sub("data"), "--no-dashboard", "--quiet"]));

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains($"store '{store}'", errors, StringComparison.Ordinal);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_HyperextensionThresholdsInTheWrongOrder_AreRejected()
    {
        string config = _dir.Sub("thresholds.json");
        await File.WriteAllTextAsync(config, """{ "Detection": { "Standing": { "HyperextensionStart": 5, "HyperextensionEnd": 8 } } }""");

        (int exit, string errors) = await StandardErrorCapture.RunAsync(() => Program.Main(
            ["run", "--source", "sim:quick-demo", "--config", config, "--data-dir", _dir.Sub("data"), "--no-dashboard"]));

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("standing hyperextension thresholds start=5 end=8 are invalid: need start > end > 0", errors, StringComparison.Ordinal);
    }
}
