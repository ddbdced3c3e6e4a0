using System.Globalization;
using PostureStream.Cli;
using PostureStream.Simulation;
using PostureStream.Simulation.Scenarios;

namespace PostureStream.Cli.Tests;

/// <summary>
/// Every line about a device carries that device's sample clock (the clock its alerts carry), so a replayed capture's
/// log reads in order; process-level lines carry wall time.
/// </summary>
[Collection(ProcessState.Collection)]
public sealed class RunLogClockTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("posturestream-log-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task ReplayLog_DeviceLinesCarryTheSampleClock_InOrder_ProcessLinesWallTime()
    {
        string capture = Path.Combine(_dir, "demo.psp");
        await File.WriteAllBytesAsync(capture, CaptureWriter.ToArray(SimulationPlan.Create(ScenarioCatalog.Resolve("quick-demo"), 2)));
        int exit;
        string progress, problems;
        using (var console = new ConsoleCapture())
        {
            exit = await Program.Main(["run", "--source", $"file:{capture}?start=2020-02-03T08:00:00Z&name=alice", "--data-dir", Path.Combine(_dir, "data"), "--no-dashboard"]);
            (progress, problems) = (console.Out, console.Error);
        }

        Assert.Equal(ExitCodes.Ok, exit);
        string[] lines = [.. Lines(progress), .. Lines(problems)];
        string[] device = [.. lines.Where(IsAboutAlice)];
        Assert.Contains(device, l => l.Contains("neutral", StringComparison.Ordinal));
        Assert.Contains(device, l => l.Contains("raised", StringComparison.Ordinal));
        Assert.Contains(device, l => l.Contains("link quality", StringComparison.Ordinal));
        Assert.All(device, l => Assert.Equal(2020, Stamp(l).Year));
        // Each stream (progress on stdout, warnings on stderr) reads in order.
        foreach (string stream in new[] { progress, problems })
        {
            DateTime[] stamps = [.. Lines(stream).Where(IsAboutAlice).Select(Stamp)];
            Assert.Equal(stamps.Order(), stamps);
        }

        Assert.Contains(lines, l => l.Contains("storing to", StringComparison.Ordinal) && Stamp(l).Year > 2020);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static bool IsAboutAlice(string line) => line.Contains(" alice: ", StringComparison.Ordinal);

    private static DateTime Stamp(string line) =>
        DateTime.ParseExact(line[..line.IndexOf(' ', StringComparison.Ordinal)], "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
}
