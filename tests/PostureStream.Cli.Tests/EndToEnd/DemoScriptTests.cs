using PostureStream.Testing;

namespace PostureStream.Cli.Tests.EndToEnd;

/// <summary>
/// <c>tools/demo.sh</c> as a user runs it (with the tool of this build, so it does not build): when <c>run</c> cannot
/// start it stops the simulator and exits with run's code and message instead of waiting for the scenario;
/// otherwise it prints the dashboard address run really bound and ends with a summary.
/// </summary>
public sealed class DemoScriptTests : IDisposable
{
    private static readonly string Tool = Path.Combine(AppContext.BaseDirectory, "posturestream.dll");
    private readonly TempDirectory _dir = new("ps-demo-");

    public void Dispose() => _dir.Dispose();

    private static ChildProcess StartDemo(params (string Name, string Value)[] environment) =>
        new("bash", [RepoPaths.Combine("tools", "demo.sh")], start =>
        {
            start.Environment["DEMO_TOOL"] = Tool;
            if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host)
            {
                start.Environment["PATH"] = Path.GetDirectoryName(host) + ":" + start.Environment["PATH"];
            }

            foreach ((string name, string value) in environment)
            {
                start.Environment[name] = value;
            }
        });

    [Fact]
    public async Task RunCannotStart_DemoStopsTheSimulator_AndExitsWithRunsCodeAndMessage()
    {
        string file = _dir.Sub("a-file");
        await File.WriteAllTextAsync(file, "x");
        // At 1x the scenario lasts 10 minutes: only a demo that stops at run's failure ends within the deadline.
        using ChildProcess demo = StartDemo(("DEMO_DATA_DIR", Path.Combine(file, "data")), ("DEMO_SPEED", "1"));

        int exit = await demo.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains($"{file} is a file, not a directory", demo.StandardError, StringComparison.Ordinal);
        Assert.Contains("demo: posturestream run stopped before the scenario ended (exit 2)", demo.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_PrintsTheAddressItServes_AndEndsWithASummaryNotALinkLoss()
    {
        string data = _dir.Sub("kept");
        using ChildProcess demo = StartDemo(("DEMO_DATA_DIR", data), ("DEMO_SPEED", "60"));

        int exit = await demo.WaitForExitAsync(TimeSpan.FromSeconds(120));

        Assert.True(exit == ExitCodes.Ok, demo.Output);
        Assert.Matches(@"open the dashboard: http://127\.0\.0\.1:\d+/", demo.StandardError);
        Assert.DoesNotContain("127.0.0.1:5080", demo.StandardError, StringComparison.Ordinal);
        Assert.Contains("demo finished: the scenario ended, ", demo.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("link lost", demo.Output, StringComparison.Ordinal);
        Assert.Contains($"data kept in {data}", demo.StandardError, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(data, "posturestream.db")));
        Assert.True(File.Exists(Path.Combine(data, "demo-alerts.jsonl")));
    }
}
