using PostureStream.Testing;

namespace PostureStream.Cli.Tests;

/// <summary>
/// Every command, given each kind of bad value a user types: exit code 2 at start-up, a message that starts
/// with the command the user typed and names the bad value, and never a stack trace.
/// </summary>
[Collection(ProcessState.Collection)]
public sealed class UserMistakeTests : IDisposable
{
    private const string Range = "--from=2026-03-02";
    private const string RangeEnd = "--to=2026-03-03";

    private readonly TempDirectory _dir = new("ps-mistakes-");

    public UserMistakeTests()
    {
        Directory.CreateDirectory(_dir.Sub("a-directory"));
        File.WriteAllText(_dir.Sub("notes.txt"), "these are notes, not a database\n");
        File.WriteAllText(_dir.Sub("typo.json"), """{ "Buz": { "Intensity": 10 } }""");
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>
    /// Command, arguments and the text the message must hold. In both, {dir} is an existing directory, {text} a
    /// file that is not a database, {missing} a path where nothing is, {data} a data directory, {typo} a
    /// configuration file with a misspelt key.
    /// </summary>
    public static TheoryData<string, string[], string> Mistakes => new()
    {
        { "", [], "no command given" },
        { "", ["frobnicate"], "'frobnicate'" },
        { "", ["--bogus"], "'--bogus'" },

        { "decode", ["decode", "{dir}"], "'{dir}' is a directory" },
        { "decode", ["decode", "{missing}"], "'{missing}'" },

        { "run", ["run", "--sourc", "sim:quick-demo"], "'--sourc'" },
        { "run", ["run", "--source", "sim:quick-demo", "--store", "sqlite:{dir}", "--data-dir", "{data}", "--no-dashboard"], "'{dir}' is a directory" },
        { "run", ["run", "--source", "sim:quick-demo", "--store", "sqlite:{text}", "--data-dir", "{data}", "--no-dashboard"], "'{text}' is not a SQLite database" },
        { "run", ["run", "--source", "sim:quick-demo", "--store", "sqlite:/proc", "--data-dir", "{data}", "--no-dashboard"], "'/proc' is a directory" },
        { "run", ["run", "--source", "sim:quick-demo", "--store", "sqlite:/proc/posturestream.db", "--data-dir", "{data}", "--no-dashboard"], "'/proc/posturestream.db'" },
        { "run", ["run", "--source", "sim:quick-demo", "--alerts-out", "{dir}", "--data-dir", "{data}", "--no-dashboard"], "'{dir}' is a directory" },
        { "run", ["run", "--source", "sim:quick-demo", "--alerts-out", "/proc", "--data-dir", "{data}", "--no-dashboard"], "'/proc' is a directory" },
        { "run", ["run", "--source", "sim:quick-demo", "--dashboard", "http://[::ffff:127.0.0.1]:5080", "--data-dir", "{data}"], "write it as http://127.0.0.1:5080" },
        { "run", ["run", "--source", "sim:quick-demo", "--dashboard", "http://198.51.100.7:5080", "--data-dir", "{data}"], "198.51.100.7 is not an address of this machine" },
        { "run", ["run", "--source", "sim:quick-demo", "--config", "{typo}", "--data-dir", "{data}", "--no-dashboard"], "unknown key 'Buz'" },
        { "run", ["run", "--source", "file:{dir}", "--data-dir", "{data}", "--no-dashboard"], "'{dir}' is a directory" },
        { "run", ["run", "--source", "file:{missing}?start=9999-01-01T00:00:00Z", "--data-dir", "{data}", "--no-dashboard"], "start=9999-01-01T00:00:00Z" },
        { "run", ["run", "--source", "sim:quick-demo?start=2300-01-01T00:00:00Z", "--data-dir", "{data}", "--no-dashboard"], "give a time from 1970-01-01 to 2261-12-31" },

        { "calibrate", ["calibrate", "--source", "sim:quick-demo", "--timeout", "abc"], "--timeout 'abc' is not a whole number" },
        { "calibrate", ["calibrate", "--source", "sim:quick-demo?start=9999-01-01T00:00:00Z", "--data-dir", "{data}"], "start=9999-01-01T00:00:00Z" },

        { "simulate", ["simulate", "--scenario", "quick-demo", "--out", "file:{missing}", "--seed", "abc"], "--seed 'abc' is not a whole number" },
        { "simulate", ["simulate", "--scenario", "quick-demo", "--out", "file:{missing}", "--start-tick", "-1"], "--start-tick '-1' is not a whole number from 0" },
        { "simulate", ["simulate", "--scenario", "quick-demo", "--out", "file:{missing}", "--corruption-rate", "lots"], "--corruption-rate 'lots' is not a number" },
        { "simulate", ["simulate", "--scenario", "quick-demo", "--out", "file:{dir}"], "'{dir}' is a directory" },
        { "simulate", ["simulate", "--scenario", "quick-demo", "--out", "file:{dir}", "--speed", "10"], "'{dir}' is a directory" },
        { "simulate", ["simulate", "--scenario", "quick-demo", "--out", "file:{missing}", "--truth", "{dir}"], "--truth: '{dir}' is a directory" },
        { "simulate", ["simulate", "--scenario", "{dir}", "--out", "file:{missing}"], "'{dir}'" },

        { "devices", ["devices", "--baud", "fast"], "--baud 'fast' is not a whole number" },

        { "export", ["export", "--store", "sqlite:{dir}", Range, RangeEnd, "--format", "lp"], "'{dir}' is a directory" },
        { "export", ["export", "--store", "sqlite:{text}", Range, RangeEnd, "--format", "lp"], "'{text}' is not a SQLite database" },
        { "export", ["export", "--store", "sqlite:{missing}", Range, RangeEnd, "--format", "lp"], "no such file '{missing}'" },
        { "export", ["export", "--store", "sqlite:{text}", "--from", "yesterday", RangeEnd, "--format", "lp"], "'yesterday'" },
        { "export", ["export", "--store", "sqlite:{text}", Range, RangeEnd, "--tz", "Mars/Base", "--format", "lp"], "'Mars/Base'" },
        { "export", ["export", "--store", "sqlite:{text}", Range, RangeEnd, "--format", "lp", "--out", "{dir}"], "'{dir}' is a directory" },

        { "report", ["report", "--store", "sqlite:{text}", Range, RangeEnd, "--out", "{missing}.html"], "'{text}' is not a SQLite database" },
        { "report", ["report", "--store", "sqlite:{text}", Range, RangeEnd, "--out", "{dir}"], "'{dir}' is a directory" },
        { "report", ["report", "--store", "sqlite:{text}", "--from", "2026-13-01", RangeEnd, "--out", "{missing}.html"], "'2026-13-01'" },

        { "dashboard", ["dashboard", "--store", "sqlite:{missing}"], "no such file '{missing}'" },
        { "dashboard", ["dashboard", "--store", "sqlite:{text}"], "'{text}' is not a SQLite database" },
        { "dashboard", ["dashboard", "--store", "sqlite:{dir}"], "'{dir}' is a directory" },
        { "dashboard", ["dashboard", "--store", "sqlite:{text}", "--listen", "http://[::ffff:127.0.0.1]:5080"], "'http://[::ffff:127.0.0.1]:5080'" },
        { "dashboard", ["dashboard", "--store", "sqlite:{text}", "--listen", "http://198.51.100.7:5080"], "198.51.100.7 is not an address of this machine" },
        { "dashboard", ["dashboard", "--store", "sqlite:{text}", "--tz", "Mars/Base"], "'Mars/Base'" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task Mistake_IsOneLineNamingTheValue_WithUsageExitCode(string command, string[] args, string named)
    {
        string[] filled = [.. args.Select(Fill)];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        int exit;
        string errors;
        string output;
        using (var console = new ConsoleCapture())
        {
            exit = await Program.RunAsync(filled, timeout.Token);
            (errors, output) = (console.Error, console.Out);
        }

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(Fill(named), errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors + output, StringComparison.Ordinal);
        string prefix = command.Length == 0 ? "posturestream: " : $"posturestream {command}: ";
        Assert.All(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith(prefix, line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConfigTypo_NamesTheKeyTheFileAndTheClosestSetting()
    {
        (int exit, string errors) = await StandardErrorCapture.RunAsync(() => Program.Main(
            ["run", "--source", "sim:quick-demo", "--config", _dir.Sub("typo.json"), "--data-dir", _dir.Sub("data"), "--no-dashboard"]));

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains($"--config '{_dir.Sub("typo.json")}': unknown key 'Buz'; did you mean 'Buzz'?", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("BinderOptions", errors, StringComparison.Ordinal);
    }

    private string Fill(string text) => text
        .Replace("{dir}", _dir.Sub("a-directory"), StringComparison.Ordinal)
        .Replace("{text}", _dir.Sub("notes.txt"), StringComparison.Ordinal)
        .Replace("{missing}", _dir.Sub("missing"), StringComparison.Ordinal)
        .Replace("{data}", _dir.Sub("data"), StringComparison.Ordinal)
        .Replace("{typo}", _dir.Sub("typo.json"), StringComparison.Ordinal);
}
