using System.Diagnostics;
using System.Globalization;
using PostureStream.Testing;

namespace PostureStream.Cli.Tests.EndToEnd;

/// <summary>
/// The built <c>posturestream</c> tool run as a child process (<c>dotnet posturestream.dll …</c>), as a user or
/// systemd would run it: its own process, real signals, real stdout and stderr.
/// </summary>
internal static class PostureStreamTool
{
    /// <summary>The test project references the CLI project, so the tool is built next to the test assembly.</summary>
    private static readonly string Assembly = Path.Combine(AppContext.BaseDirectory, "posturestream.dll");

    public static ChildProcess Start(params string[] arguments)
    {
        if (!File.Exists(Assembly))
        {
            throw new InvalidOperationException($"{Assembly} is missing: build PostureStream.sln first");
        }

        return new ChildProcess(DotnetHost(), [Assembly, .. arguments], KeepConfigurationOut);
    }

    /// <summary>
    /// Starts <c>simulate --out pty</c> and returns it with the PTY it serves (its first line on stdout).
    /// </summary>
    public static async Task<(ChildProcess Simulator, string Pty)> StartSimulatorOnPtyAsync(
        string scenario, int speed, int seed, string truthPath, string buzzLogPath, params string[] more)
    {
        ChildProcess simulator = Start(
            [
                "simulate", "--scenario", scenario, "--out", "pty",
                "--speed", speed.ToString(CultureInfo.InvariantCulture), "--seed", seed.ToString(CultureInfo.InvariantCulture),
                "--truth", truthPath, "--buzz-log", buzzLogPath, .. more,
            ]);
        try
        {
            string pty = await simulator.FirstOutputLineAsync(TimeSpan.FromSeconds(30));
            Assert.StartsWith("/dev/pts/", pty, StringComparison.Ordinal);
            return (simulator, pty);
        }
        catch
        {
            simulator.Dispose();
            throw;
        }
    }

    /// <summary>The dotnet host that runs the tests (set by <c>dotnet test</c>), else the one on PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>
    /// Other tests of this assembly set POSTURESTREAM__* variables in-process for a moment; a child started
    /// meanwhile must not inherit them (nor a token or password of the machine).
    /// </summary>
    private static void KeepConfigurationOut(ProcessStartInfo start)
    {
        foreach (string key in start.Environment.Keys.Where(k => k.StartsWith("POSTURESTREAM", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }
    }
}
