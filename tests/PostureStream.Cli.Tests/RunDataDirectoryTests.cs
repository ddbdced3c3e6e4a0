using System.Runtime.Versioning;
using PostureStream.Testing;

namespace PostureStream.Cli.Tests;

/// <summary>
/// A data directory that cannot be written is refused at start-up with a message naming it and the fix (exit 2),
/// instead of a pipeline that stops seconds in without a word. Root ignores chmod, so the path runs through a file.
/// </summary>
[Collection(ProcessState.Collection)]
[UnsupportedOSPlatform("windows")]
public sealed class RunDataDirectoryTests : IDisposable
{
    private readonly TempDirectory _dir = new("ps-datadir-");

    public void Dispose() => _dir.Dispose();

    private string UnderAFile()
    {
        string file = _dir.Sub("not-a-directory");
        File.WriteAllText(file, "x");
        return Path.Combine(file, "data");
    }

    [Theory]
    [InlineData("run", "--no-dashboard")]
    [InlineData("calibrate", "--timeout", "30")]
    public async Task DataDirectoryUnderAFile_ExitsWithUsageCode_NamingThePathAndTheFix(string command, params string[] extra)
    {
        string data = UnderAFile();
        using var console = new ConsoleCapture();

        int exit = await Program.Main([command, "--source", "sim:quick-demo?speed=max", "--data-dir", data, .. extra]);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(data, console.Error, StringComparison.Ordinal);
        Assert.Contains(_dir.Sub("not-a-directory") + " is a file", console.Error, StringComparison.Ordinal);
        Assert.Contains("--data-dir", console.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("quiet seconds", console.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", console.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_CreatesTheDataFilesPrivate_WhateverTheUmask()
    {
        string data = _dir.Sub("data");
        string alerts = Path.Combine(_dir.Sub("alerts"), "alerts.jsonl");
        int exit;
        using (new ConsoleCapture())
        {
            exit = await Program.Main(["run", "--source", "sim:quick-demo?speed=max", "--data-dir", data, "--alerts-out", alerts, "--no-dashboard", "--quiet"]);
        }

        Assert.Equal(ExitCodes.Ok, exit);
        const UnixFileMode folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        const UnixFileMode file = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Equal(folder, File.GetUnixFileMode(data));
        Assert.Equal(folder, File.GetUnixFileMode(Path.Combine(data, "calibration")));
        Assert.Equal(folder, File.GetUnixFileMode(Path.Combine(data, "spool")));
        Assert.Equal(folder, File.GetUnixFileMode(_dir.Sub("alerts")));
        Assert.Equal(file, File.GetUnixFileMode(Path.Combine(data, "posturestream.db")));
        Assert.Equal(file, File.GetUnixFileMode(alerts));
        string[] neutrals = Directory.GetFiles(Path.Combine(data, "calibration"), "calibration-*.json");
        Assert.NotEmpty(neutrals);
        Assert.All(neutrals, n => Assert.Equal(file, File.GetUnixFileMode(n)));
    }
}
